package dev.hato.sms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module boundaries of docs/architecture/README.md, checked: each module uses only the modules its
 * package-info.java allows, and only their public types; no cycles; services never see web types.
 * The generated module documentation in docs/architecture/generated/ is checked against the code.
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

    /**
     * The generated module documentation in docs/architecture/generated/ matches the code. It is
     * generated into target/ on every run and written into docs/ only when asked: {@code mvn -pl server
     * test -Dtest=ModularityTests -Pmodule-docs}.
     */
    @Test
    void theGeneratedModuleDocumentationIsCurrent() throws IOException {
        Path generated = Path.of("target", "module-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path committed = Path.of("..", "docs", "architecture", "generated");
        if (Boolean.getBoolean("moduleDocs.write")) {
            for (Path file : files(generated)) {
                // Only what changed: the Documenter lists relations in no fixed order.
                if (!Files.exists(committed.resolve(file))
                        || !lines(committed.resolve(file)).equals(lines(generated.resolve(file)))) {
                    Files.copy(generated.resolve(file), committed.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return;
        }
        String regenerate = " (regenerate: mvn -pl server test -Dtest=ModularityTests -Pmodule-docs)";
        assertThat(files(committed)).as("files in " + committed + regenerate).isEqualTo(files(generated));
        for (Path file : files(generated)) {
            assertThat(lines(committed.resolve(file)))
                    .as(file + " is stale" + regenerate)
                    .isEqualTo(lines(generated.resolve(file)));
        }
    }

    /** A file's lines in sorted order: the same documentation whatever order the relations came in. */
    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    private static java.util.SortedSet<Path> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(folder::relativize)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
