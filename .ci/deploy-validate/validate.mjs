// Validates the Kubernetes and Knative manifests under deploy/ against the platforms' own JSON schemas (the typed
// models of kubernetes-models and @kubernetes-models/knative, generated from the Kubernetes OpenAPI document and
// Knative's CRDs). A kind without a model here fails the run, so nothing passes unvalidated.
// Usage: node validate.mjs <file.yaml>...
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { ConfigMap, Secret, Service } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Service as KnativeService } from "@kubernetes-models/knative/serving.knative.dev/v1";

const models = {
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "serving.knative.dev/v1/Service": KnativeService,
};

let failures = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (doc == null) continue;
    const type = `${doc.apiVersion}/${doc.kind}`;
    const name = `${file}: ${type} ${doc.metadata?.name}`;
    const Model = models[type];
    if (!Model) {
      console.error(`${name}: no schema for this kind here`);
      failures++;
      continue;
    }
    try {
      new Model(doc).validate();
      checked++;
      console.log(`${name}: valid`);
    } catch (e) {
      console.error(`${name}: ${e.message}`);
      failures++;
    }
  }
}
console.log(`${checked} documents valid, ${failures} failed`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
