import { dirname, resolve } from 'node:path';
import { knownMetricNames, unknownMetricNames } from './support/known-metrics';
import { headingAnchor, markdownSections } from './support/markdown-anchors';
import { alertingRules, loadRuleGroups, loadRuleTests, recordedNames } from './support/prometheus-rules';
import { promqlSyntaxErrors } from './support/promql';
import { runPromtool } from './support/promtool';
import { repoPath } from './support/repo-path';

const RULES = 'deploy/prometheus/rules/hook0.rules.yaml';
const RULE_TESTS = 'deploy/prometheus/rules/hook0.rules.test.yaml';
/** Where every alert's runbook_url points, relative to the repository root (docs/operations.md says why). */
const RUNBOOKS = 'docs/operations.md';
/** The alerts docs/observability.md and the operations runbooks rely on. */
const REQUIRED_ALERTS = [
  'HighDeliveryFailureRatio',
  'DeadLettersGrowing',
  'OutboxBacklogAgeHigh',
  'OutboxStuck',
  'Hook0ApiDown',
  'Hook0DispatcherDown',
  'ApiHigh5xxRate',
  'EventLoopLagHigh',
  'SubscriptionsDisabledUnusualRate',
];

const groups = loadRuleGroups(repoPath(RULES));
const rules = groups.flatMap((group) => group.rules);
const alerts = alertingRules(groups);
const ruleTests = loadRuleTests(repoPath(RULE_TESTS));
const cases = ruleTests.tests.flatMap((group) => group.alert_rule_test ?? []);

describe(`Prometheus rules ${RULES}`, () => {
  it('pass promtool check rules', () => {
    expect(runPromtool('check', 'rules', RULES)).toContain('SUCCESS');
  });

  it('pass their promtool unit tests', () => {
    expect(runPromtool('test', 'rules', RULE_TESTS)).toContain('SUCCESS');
  });

  it('are in a group named hook0', () => {
    expect(groups.map((group) => group.name)).toContain('hook0');
  });

  it('contain every alert the issue asks for', () => {
    expect(alerts.map((alert) => alert.alert)).toEqual(expect.arrayContaining(REQUIRED_ALERTS));
  });

  it('give every alert a duration, a severity, a summary, a description and a runbook hint', () => {
    const incomplete = alerts.filter(
      (alert) =>
        !alert.for ||
        !['warning', 'critical'].includes(alert.labels?.severity ?? '') ||
        !alert.annotations?.summary ||
        !alert.annotations.description ||
        !alert.annotations.runbook,
    );
    expect(incomplete.map((alert) => alert.alert)).toEqual([]);
  });

  it(`give every alert a runbook_url to its own section of ${RUNBOOKS}`, () => {
    const anchors = new Set(markdownSections(repoPath(RUNBOOKS)).map((section) => section.anchor));
    for (const alert of alerts) {
      const [file, anchor] = (alert.annotations?.runbook_url ?? '').split('#');
      expect([alert.alert, file, anchor]).toEqual([alert.alert, RUNBOOKS, headingAnchor(alert.alert)]);
      expect([alert.alert, anchors.has(anchor)]).toEqual([alert.alert, true]);
    }
  });

  it(`find in each runbook of ${RUNBOOKS} the symptom, the likely causes, what to check and how to fix it`, () => {
    const sections = new Map(markdownSections(repoPath(RUNBOOKS)).map((section) => [section.anchor, section.body]));
    for (const alert of alerts) {
      const body = sections.get(headingAnchor(alert.alert)) ?? '';
      const parts = ['**Symptom**', '**Likely causes**', '**Check**', '**Fix**'].filter((part) => body.includes(part));
      expect([alert.alert, parts.length]).toEqual([alert.alert, 4]);
    }
  });

  it('parse as PromQL', () => {
    const broken = rules
      .map((rule) => ({ rule: rule.alert ?? rule.record, errors: promqlSyntaxErrors(rule.expr) }))
      .filter((rule) => rule.errors.length > 0);
    expect(broken).toEqual([]);
  });

  it('select only metrics the code exports, RabbitMQ plugin metrics, up, or names these rules record', () => {
    const known = knownMetricNames(recordedNames(groups));
    const unknown = rules
      .map((rule) => ({ rule: rule.alert ?? rule.record, unknown: unknownMetricNames(rule.expr, known) }))
      .filter((rule) => rule.unknown.length > 0);
    expect(unknown).toEqual([]);
  });
});

describe(`promtool unit tests ${RULE_TESTS}`, () => {
  it('test the rules file itself', () => {
    const ruleFiles = ruleTests.rule_files.map((file) => resolve(dirname(repoPath(RULE_TESTS)), file));
    expect(ruleFiles).toEqual([repoPath(RULES)]);
  });

  it('make every alert fire at least once', () => {
    const fired = new Set(cases.filter((testCase) => (testCase.exp_alerts ?? []).length > 0).map((testCase) => testCase.alertname));
    expect(alerts.map((alert) => alert.alert).filter((name) => !fired.has(name))).toEqual([]);
  });

  it('check for every alert a moment when it must not fire', () => {
    const silent = new Set(cases.filter((testCase) => (testCase.exp_alerts ?? []).length === 0).map((testCase) => testCase.alertname));
    expect(alerts.map((alert) => alert.alert).filter((name) => !silent.has(name))).toEqual([]);
  });

  it('feed only series the services, RabbitMQ or a scrape produce', () => {
    const known = knownMetricNames();
    const series = ruleTests.tests.flatMap((group) => (group.input_series ?? []).map((input) => input.series));
    expect(series.length).toBeGreaterThan(0);
    expect(series.filter((selector) => unknownMetricNames(selector, known).length > 0)).toEqual([]);
  });
});
