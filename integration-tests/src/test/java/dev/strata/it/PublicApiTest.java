package dev.strata.it;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The toolkit's API is marked: every package says in its {@code package-info.java} whether it is public API or
 * internal ({@link PackageRoles}), and the public API shows no internal type in a public signature.
 */
@AnalyzeClasses(packages = "dev.strata", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiTest {
    private static final Set<String> PUBLIC_PACKAGES = Set.copyOf(PackageRoles.publicApi());

    private static boolean isPublicApi(JavaClass type) {
        return PUBLIC_PACKAGES.contains(type.getPackageName());
    }

    private static boolean isInternalStrataType(JavaClass type) {
        JavaClass base = type.getBaseComponentType();
        return base.getPackageName().startsWith("dev.strata.") && !isPublicApi(base);
    }

    @ArchTest
    static final ArchRule publicApiExposesNoInternalType = classes()
            .that(DescribedPredicate.describe("are public classes of a public API package",
                    (JavaClass type) -> type.getModifiers().contains(JavaModifier.PUBLIC) && isPublicApi(type)))
            .should(exposeNoInternalType())
            .because("an application compiles against the public API only; an internal type in a public signature"
                    + " makes it part of the API by accident, where it can no longer change freely");

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("show no internal Strata type in a public or protected signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Leak leak : leaks(type)) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " exposes "
                            + leak.internalType() + " (" + leak.where() + ")"));
                }
            }
        };
    }

    /** An internal type in a public signature, and where: {@code superclass}, {@code in plan}, … */
    record Leak(String internalType, String where) {
    }

    /** Each internal type in the class's supertypes or in a public or protected member's signature. */
    static List<Leak> leaks(JavaClass type) {
        List<Leak> leaks = new ArrayList<>();
        type.getRawSuperclass().filter(PublicApiTest::isInternalStrataType)
                .ifPresent(superclass -> leaks.add(new Leak(superclass.getName(), "superclass")));
        type.getRawInterfaces().stream().filter(PublicApiTest::isInternalStrataType)
                .forEach(contract -> leaks.add(new Leak(contract.getName(), "interface")));
        for (JavaMember member : type.getMembers()) {
            if (!isVisible(member)) {
                continue;
            }
            List<JavaType> shown = new ArrayList<>();
            if (member instanceof JavaField field) {
                shown.add(field.getType());
            } else if (member instanceof JavaCodeUnit code) {
                shown.add(code.getReturnType());
                shown.addAll(code.getParameterTypes());
            }
            shown.stream().flatMap(shownType -> shownType.getAllInvolvedRawTypes().stream())
                    .filter(PublicApiTest::isInternalStrataType).map(internal -> internal.getBaseComponentType().getName())
                    .distinct().forEach(internal -> leaks.add(new Leak(internal, "in " + member.getName())));
        }
        return leaks;
    }

    private static boolean isVisible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
                && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
    }

    @Test
    void everyToolkitPackageSaysWhetherItIsPublicApiOrInternal() {
        Map<String, PackageRoles.SourcePackage> packages = PackageRoles.toolkitPackages();

        assertThat(packages).as("packages found").containsKeys("dev.strata.migrations", "dev.strata.api");
        Set<String> unmarked = packages.values().stream().filter(source -> source.role().isEmpty())
                .map(source -> source.name() + " (" + source.directory() + ")")
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unmarked)
                .as("packages without a package-info.java whose Javadoc has one paragraph starting <b>Public API</b>"
                        + " or <b>Internal</b> (see docs/development.md, \"Architecture rules\")")
                .isEmpty();
    }
}
