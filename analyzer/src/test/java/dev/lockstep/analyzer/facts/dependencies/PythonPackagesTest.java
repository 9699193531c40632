package dev.lockstep.analyzer.facts.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonPackagesTest {

    @Test
    void standardLibraryOfEverySupportedPython() {
        assertThat(PythonPackages.isStandardLibrary("os.path")).isTrue();
        assertThat(PythonPackages.isStandardLibrary("tomllib")).isTrue();     // 3.11+
        assertThat(PythonPackages.isStandardLibrary("distutils")).isTrue();   // removed in 3.12
        assertThat(PythonPackages.isStandardLibrary("imghdr")).isTrue();      // removed in 3.13
        assertThat(PythonPackages.isStandardLibrary("__future__")).isTrue();
        assertThat(PythonPackages.isStandardLibrary("numpy")).isFalse();
        assertThat(PythonPackages.isStandardLibrary("test")).isFalse();       // CPython's own test suite: not a user import
    }

    @Test
    void importNamesMapToDistributions() {
        assertThat(PythonPackages.distributionFor("sklearn.model_selection")).contains("scikit-learn");
        assertThat(PythonPackages.distributionFor("cv2")).contains("opencv-python");
        assertThat(PythonPackages.distributionFor("PIL.Image")).contains("Pillow");
        assertThat(PythonPackages.distributionFor("yaml")).contains("PyYAML");
        assertThat(PythonPackages.distributionFor("bs4")).contains("beautifulsoup4");
        assertThat(PythonPackages.distributionFor("dateutil.parser")).contains("python-dateutil");
        assertThat(PythonPackages.distributionFor("torch")).contains("torch");
        assertThat(PythonPackages.distributionFor("google.cloud.bigquery")).contains("google-cloud-bigquery");
        assertThat(PythonPackages.distributionFor("google.protobuf.json_format")).contains("protobuf");
        assertThat(PythonPackages.distributionFor("azure.storage.blob")).contains("azure-storage-blob");
        assertThat(PythonPackages.distributionFor("google")).isEmpty();
        assertThat(PythonPackages.distributionFor("google.colab")).isEmpty();
        assertThat(PythonPackages.distributionFor("json")).isEmpty();
        assertThat(PythonPackages.distributionFor("churn_utils")).isEmpty();
        assertThat(PythonPackages.distributionsProviding("cv2")).contains("opencv-python-headless");
    }

    @Test
    void distributionsMapBackToImportNames() {
        assertThat(PythonPackages.importNamesOf("scikit-learn")).containsExactly("sklearn");
        assertThat(PythonPackages.importNamesOf("Scikit_Learn")).containsExactly("sklearn");
        assertThat(PythonPackages.importNamesOf("opencv-python-headless")).containsExactly("cv2");
        assertThat(PythonPackages.importNamesOf("protobuf")).containsExactly("google");
        assertThat(PythonPackages.importNamesOf("my-private-lib")).containsExactly("my_private_lib");
        assertThat(PythonPackages.normalize("Foo.Bar__baz")).isEqualTo("foo-bar-baz");
    }

    @Test
    void classification() {
        assertThat(PythonPackages.classify("json")).isEqualTo(PythonPackages.Kind.STANDARD_LIBRARY);
        assertThat(PythonPackages.classify("transformers.models")).isEqualTo(PythonPackages.Kind.THIRD_PARTY);
        assertThat(PythonPackages.classify("google.colab")).isEqualTo(PythonPackages.Kind.PLATFORM);
        assertThat(PythonPackages.classify("kaggle_secrets")).isEqualTo(PythonPackages.Kind.PLATFORM);
        assertThat(PythonPackages.classify("churn_utils")).isEqualTo(PythonPackages.Kind.UNKNOWN);
    }
}
