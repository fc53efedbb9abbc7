package dev.hato.sms.loadtest;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The capacity tool's parts (docs/capacity.md, code map) stay parts: its packages depend on each other
 * in one direction only, and no two classes use each other.
 */
class PackageStructureTest {

    static final JavaClasses TOOL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hato.sms.loadtest");

    @Test
    void thePackagesDependOnEachOtherInOneDirectionOnly() {
        slices().matching("dev.hato.sms.loadtest.(**)")
                .should()
                .beFreeOfCycles()
                .check(TOOL);
    }

    @Test
    void noTwoClassesUseEachOther() {
        Set<String> mutual = new TreeSet<>();
        for (JavaClass one : TOOL) {
            for (Dependency dependency : one.getDirectDependenciesFromSelf()) {
                JavaClass other = outermost(dependency.getTargetClass());
                if (other.equals(outermost(one)) || !other.getPackageName().startsWith("dev.hato.sms.loadtest")) {
                    continue;
                }
                boolean back = TOOL.stream()
                        .filter(c -> outermost(c).equals(other))
                        .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                        .anyMatch(d -> outermost(d.getTargetClass()).equals(outermost(one)));
                if (back) {
                    String a = outermost(one).getSimpleName();
                    String b = other.getSimpleName();
                    mutual.add(a.compareTo(b) < 0 ? a + " <-> " + b : b + " <-> " + a);
                }
            }
        }
        assertThat(mutual).as("classes that use each other").isEmpty();
    }

    @Test
    void mainIsInAClassOfItsOwnPerCommand() {
        assertThat(TOOL.stream()
                        .filter(c -> c.getMethods().stream()
                                .anyMatch(m -> m.getName().equals("main")
                                        && m.getModifiers()
                                                .contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)))
                        .map(JavaClass::getSimpleName)
                        .sorted()
                        .toList())
                .containsExactly(
                        "CapacityRun",
                        "DispatcherBenchmark",
                        "ExportBenchmark",
                        "HistoryBenchmark",
                        "ImportBenchmark",
                        "ReceiptsBenchmark");
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
