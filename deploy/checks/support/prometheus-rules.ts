import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface PrometheusRule {
  readonly record?: string;
  readonly alert?: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

export interface RuleGroup {
  readonly name: string;
  readonly rules: readonly PrometheusRule[];
}

export interface AlertingRule extends PrometheusRule {
  readonly alert: string;
}

/** The groups of a Prometheus rule file (the same shape as a PrometheusRule's spec.groups). */
export function loadRuleGroups(path: string): RuleGroup[] {
  return (parse(readFileSync(path, 'utf8')) as { groups: RuleGroup[] }).groups;
}

export function recordedNames(groups: readonly RuleGroup[]): string[] {
  return groups.flatMap((group) => group.rules.flatMap((rule) => (rule.record ? [rule.record] : [])));
}

export function alertingRules(groups: readonly RuleGroup[]): AlertingRule[] {
  return groups.flatMap((group) => group.rules.filter((rule): rule is AlertingRule => rule.alert !== undefined));
}

export interface AlertTestCase {
  readonly alertname: string;
  readonly eval_time: string;
  readonly exp_alerts?: readonly unknown[];
}

export interface RuleTestGroup {
  readonly name?: string;
  readonly input_series?: ReadonlyArray<{ readonly series: string; readonly values: string }>;
  readonly alert_rule_test?: readonly AlertTestCase[];
}

/** A `promtool test rules` file. */
export interface RuleTestFile {
  readonly rule_files: readonly string[];
  readonly tests: readonly RuleTestGroup[];
}

export function loadRuleTests(path: string): RuleTestFile {
  return parse(readFileSync(path, 'utf8')) as RuleTestFile;
}
