package dev.hato.sms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module boundaries of docs/architecture/README.md, checked: each module uses only the modules its
 * package-info.java allows, and only their public types; no cycles; services never see web types.
 * Also writes the generated module documentation into docs/architecture/generated/.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(SmsApplication.class);

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hato.sms");

    @Test
    void modulesUseOnlyTheModulesTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void servicesAndRepositoriesNeverSeeControllersOrServletTypes() {
        DescribedPredicate<JavaClass> controllerTypes = DescribedPredicate.describe(
                "controllers and the types declared inside them",
                c -> c.isAnnotatedWith(RestController.class)
                        || c.getEnclosingClass()
                                .map(outer -> outer.isAnnotatedWith(RestController.class))
                                .orElse(false));
        noClasses()
                .that()
                .areAnnotatedWith(Service.class)
                .or()
                .areAnnotatedWith(Repository.class)
                .should()
                .dependOnClassesThat(controllerTypes)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/architecture/generated"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
