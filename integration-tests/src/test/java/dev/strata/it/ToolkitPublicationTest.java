package dev.strata.it;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a published artifact carries, checked on the poms and on what the build produced: the license at the root,
 * strata-bom (which does not inherit the parent) listing every published module at the parent's version with the
 * parent's metadata, and a sources jar beside every published jar.
 */
class ToolkitPublicationTest {
    private static final List<String> METADATA = List.of("url", "licenses", "developers", "scm");
    /** The project has no public address yet: url and scm stay absent (docs/install.md) rather than invented. */
    private static final List<String> REQUIRED_METADATA = List.of("licenses", "developers");

    private static Path root() {
        return Path.of(System.getProperty("strata.projectRoot", "..")).toAbsolutePath().normalize();
    }

    @Test
    void theLicenseIsApache2AtTheRoot() throws IOException {
        assertThat(Files.readString(root().resolve("LICENSE")))
                .contains("Apache License", "Version 2.0, January 2004", "TERMS AND CONDITIONS");
        assertThat(text(pom(root()), "licenses")).contains("Apache-2.0");
    }

    @Test
    void theBomPinsEveryPublishedModuleAtTheParentsVersionWithTheParentsMetadata() throws Exception {
        Element parent = pom(root());
        Element bom = pom(root().resolve("strata-bom"));
        assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
        for (String element : METADATA) {
            assertThat(text(bom, element)).as("<%s> of strata-bom", element).isEqualTo(text(parent, element));
        }
        for (String element : REQUIRED_METADATA) {
            assertThat(text(parent, element)).as("<%s> of the parent pom", element).isNotBlank();
        }
        List<String> pinned = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(text(dependency, "version")).isEqualTo("${project.version}");
            pinned.add(text(dependency, "artifactId"));
        }
        assertThat(pinned).as("strata-bom's dependencyManagement").containsAll(publishedModules().stream()
                .map(module -> text(module.pom(), "artifactId")).filter(name -> !name.equals("strata-bom")).toList());
    }

    @Test
    void everyPublishedJarHasItsSourcesJar() throws Exception {
        String version = text(pom(root()), "version");
        for (Module module : publishedModules()) {
            String packaging = Optional.ofNullable(text(module.pom(), "packaging")).orElse("jar");
            if (packaging.equals("jar") || packaging.equals("maven-plugin")) {
                String artifactId = text(module.pom(), "artifactId");
                assertThat(module.directory().resolve("target/" + artifactId + "-" + version + "-sources.jar"))
                        .as("sources jar of %s (built by `mvn package`)", artifactId).isRegularFile();
            }
        }
    }

    private record Module(Path directory, Element pom) {
    }

    /** The root pom's modules that are installed and deployed (the example and the test modules skip both). */
    private static List<Module> publishedModules() throws Exception {
        List<Module> modules = new ArrayList<>();
        NodeList names = pom(root()).getElementsByTagName("module");
        for (int i = 0; i < names.getLength(); i++) {
            Path directory = root().resolve(names.item(i).getTextContent().strip());
            Element pom = pom(directory);
            if (pom.getElementsByTagName("maven.deploy.skip").getLength() == 0) {
                modules.add(new Module(directory, pom));
            }
        }
        assertThat(modules).as("published modules").hasSizeGreaterThanOrEqualTo(8);
        return modules;
    }

    private static Element pom(Path directory) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(directory.resolve("pom.xml").toFile());
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + directory.resolve("pom.xml"), e);
        }
    }

    /** The whitespace-normalised text of the project's own child element {@code name}, or null when it has none. */
    private static String text(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip().replaceAll("\\s+", " ");
            }
        }
        return null;
    }
}
