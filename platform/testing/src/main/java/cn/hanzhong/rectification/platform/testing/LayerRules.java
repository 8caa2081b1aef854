package cn.hanzhong.rectification.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering every service keeps, checked on its compiled main classes: arrows run
 * rest → service → repository/domain; the service layer never reaches into rest; a rest mapper turns
 * what a service returned into the wire shape and calls no service bean for derived values; and no
 * two packages of a service depend on each other in a circle.
 */
public final class LayerRules {

    private LayerRules() {
    }

    /** The rules for the service whose root package is {@code root} (e.g. {@code cn.hanzhong.rectification.issues}). */
    public static List<ArchRule> of(String root) {
        return List.of(
                noClasses().that().resideInAPackage(root + ".service..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".rest..")
                        .because("the service layer takes commands and returns views; rest.dto is for the wire only"),
                noClasses().that().resideInAnyPackage(root + ".domain..", root + ".repository..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".service..", root + ".rest..")
                        .because("domain and repository sit below the use cases"),
                noClasses().that().resideInAPackage(root + ".rest..").and().haveSimpleNameEndingWith("Mapper")
                        .should().dependOnClassesThat(resideInAPackage(root + ".service..")
                                .and(are(annotatedWith(ApplicationScoped.class))))
                        .because("a mapper maps what the service returned; it derives nothing by calling back")
                        .allowEmptyShould(true),
                slices().matching(root + ".(*)..").should().beFreeOfCycles());
    }

    /** Checks {@link #of} against the main classes on the class path; fails listing every violation. */
    public static void check(String root) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        of(root).forEach(rule -> rule.check(classes));
    }
}
