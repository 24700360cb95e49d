package org.fogcompute.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment specs from files and options, as deploy-create and deploy-update build them. */
class DeploySpecActionTest {
    @TempDir
    Path dir;

    private static final class Options extends DeploySpecAction {
        @Override
        protected Object run() {
            return null;
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aJsonAndAYamlFileGiveTheSameSpec() throws IOException {
        Path json = write("web.json", """
                {"name": "web", "workload": {"image": "nginx:1.27", "env": {"MODE": "prod"}, "ports": [8080]},
                 "resources": {"cpuCores": 2, "memoryMb": 512, "storageMb": 0, "gpu": false},
                 "replicas": 3, "regions": ["eu-west"], "spreadRegions": true, "algorithm": "least-connections"}
                """);
        Path yaml = write("web.yaml", """
                name: web
                workload:
                  image: nginx:1.27
                  env: {MODE: prod}
                  ports: [8080]
                resources: {cpuCores: 2, memoryMb: 512, storageMb: 0, gpu: false}
                replicas: 3
                regions: [eu-west]
                spreadRegions: true
                algorithm: least-connections
                """);
        DeploymentSpec fromJson = DeploymentSpecFile.read(json);
        assertThat(fromJson.replicas()).isEqualTo(3);
        assertThat(fromJson.resources().cpuCores()).isEqualTo(2);
        assertThat(fromJson.workload().env()).containsEntry("MODE", "prod");
        assertThat(DeploymentSpecFile.read(yaml)).isEqualTo(fromJson);
    }

    @Test
    void badFilesNameTheFieldAndTheLineButNeverQuoteTheFile() throws IOException {
        Path unknown = write("unknown.json", "{\"name\": \"web\",\n \"workload\": {\"image\": \"a\"}, \"replics\": 3}");
        assertThatThrownBy(() -> DeploymentSpecFile.read(unknown)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'replics'").hasMessageContaining("line 2");
        Path stringForNumber = write("typed.yaml", "name: web\nworkload: {image: a}\nreplicas: three\n");
        assertThatThrownBy(() -> DeploymentSpecFile.read(stringForNumber)).hasMessageContaining("'replicas'");
        Path refused = write("refused.json", "{\"name\": \"Web!\", \"workload\": {\"image\": \"a\"}}");
        assertThatThrownBy(() -> DeploymentSpecFile.read(refused)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("a deployment name is").hasMessageNotContaining("Web!");
        Path secrets = write("users.properties", "admin = s3cret-Passw0rd,_g_:admingroup\n");
        assertThatThrownBy(() -> DeploymentSpecFile.read(secrets)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not valid JSON").hasMessageNotContaining("s3cret");
        Path secretsYaml = write("users.yaml", "admin: s3cret-Passw0rd\n");
        assertThatThrownBy(() -> DeploymentSpecFile.read(secretsYaml)).hasMessageNotContaining("s3cret");
        Path big = write("big.json", "{\"name\": \"" + "a".repeat((int) DeploymentSpecFile.MAX_BYTES) + "\"}");
        assertThatThrownBy(() -> DeploymentSpecFile.read(big)).hasMessageContaining("larger than a spec");
        assertThatThrownBy(() -> DeploymentSpecFile.read(dir.resolve("missing.json"))).hasMessageContaining("no file");
        assertThatThrownBy(() -> DeploymentSpecFile.read(dir)).hasMessageContaining("not a regular file");
        Path oddKey = write("odd.yaml", "name: web\nworkload: {image: a}\n\"p@ss w0rd\": 1\n");
        assertThatThrownBy(() -> DeploymentSpecFile.read(oddKey)).hasMessageContaining("'?'")
                .hasMessageNotContaining("p@ss");
    }

    @Test
    void optionsOverrideTheFileAndTheNameMustMatch() throws IOException {
        Options options = new Options();
        options.file = write("web.json", "{\"name\": \"web\", \"workload\": {\"image\": \"nginx:1.27\"}, \"replicas\": 2}")
                .toString();
        options.replicas = 4;
        options.env = List.of("MODE=test");
        DeploymentSpec spec = options.spec("web", null);
        assertThat(spec.replicas()).isEqualTo(4);
        assertThat(spec.workload().image()).isEqualTo("nginx:1.27");
        assertThat(spec.workload().env()).isEqualTo(Map.of("MODE", "test"));
        assertThatThrownBy(() -> options.spec("api", null)).hasMessageContaining("describes 'web', not 'api'");
    }

    @Test
    void anUpdateChangesOnlyWhatIsGiven() {
        DeploymentSpec current = new DeploymentSpec("web", new Workload("nginx:1.27", null, Map.of("A", "1"),
                List.of(80)), new TaskRequirements(2, 1024, 0, false), 3, Set.of("eu-west"), Map.of("tier", "edge"),
                true, 2, "random");
        Options options = new Options();
        assertThat(options.spec("web", current)).as("nothing given, nothing changed").isEqualTo(current);

        options.image = "nginx:1.28";
        options.memoryMb = 2048L;
        options.noSpreadRegions = true;
        DeploymentSpec updated = options.spec("web", current);
        assertThat(updated.workload()).isEqualTo(new Workload("nginx:1.28", null, Map.of("A", "1"), List.of(80)));
        assertThat(updated.resources()).isEqualTo(new TaskRequirements(2, 2048, 0, false));
        assertThat(updated.spreadRegions()).isFalse();
        assertThat(updated.replicas()).isEqualTo(3);
        assertThat(updated.labels()).isEqualTo(Map.of("tier", "edge"));
        assertThat(updated.maxUnavailable()).isEqualTo(2);
        assertThat(updated.algorithm()).isEqualTo("random");

        Options commandOnly = new Options();
        DeploymentSpec withCommand = new DeploymentSpec("web", new Workload("python:3.12", List.of("python", "-m",
                "http.server"), null, null), null, 1, null, null, false, null, null);
        commandOnly.image = "python:3.13";
        assertThat(commandOnly.spec("web", withCommand).workload().command()).as("--image keeps the command")
                .containsExactly("python", "-m", "http.server");
        commandOnly.image = null;
        commandOnly.command = List.of("python", "app.py");
        assertThat(commandOnly.spec("web", withCommand).workload().image()).as("--command keeps the image")
                .isEqualTo("python:3.12");

        Options both = new Options();
        both.spreadRegions = true;
        both.noSpreadRegions = true;
        assertThatThrownBy(() -> both.spec("web", current)).hasMessageContaining("not both");
        Options creating = new Options();
        assertThatThrownBy(() -> creating.spec("web", null)).hasMessageContaining("needs a workload");
    }
}
