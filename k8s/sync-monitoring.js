#!/usr/bin/env node
// Copies the Grafana dashboard and the Prometheus alert rules into the kustomize components that ship them
// (k8s/components/grafana-dashboard, k8s/components/prometheus-operator), which may only read files under their
// own directory. deploy/ stays the one source: run this after editing either file (deploy/checks/k8s.spec.ts fails
// while the copies differ).
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..');
const components = path.join(__dirname, 'components');
const dashboardSource = 'deploy/grafana/dashboards/hook0.json';
const rulesSource = 'deploy/prometheus/rules/hook0.rules.yaml';

fs.copyFileSync(path.join(root, dashboardSource), path.join(components, 'grafana-dashboard', 'hook0.json'));

// The groups node itself, so the rules keep their comments in the copy.
const rules = YAML.parseDocument(fs.readFileSync(path.join(root, rulesSource), 'utf8'));
const prometheusRule = new YAML.Document({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: { name: 'hook0', labels: { 'app.kubernetes.io/name': 'hook0', 'app.kubernetes.io/component': 'monitoring' } },
  spec: { groups: [] },
});
prometheusRule.setIn(['spec', 'groups'], rules.get('groups', true));
const header = `# Generated from ${rulesSource} by \`npm run k8s:sync\`: edit that file, not this one.\n`;
fs.writeFileSync(path.join(components, 'prometheus-operator', 'prometheus-rule.yaml'), header + prometheusRule.toString({ lineWidth: 0 }));

console.log(`k8s/components: synced from ${dashboardSource} and ${rulesSource}`);
