import { parser } from '@prometheus-io/lezer-promql';

// Taken from the parser rather than imported from @lezer/common, whose CommonJS and ESM typings differ.
type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

const PLAIN_NAME_ALTERNATIVES = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\|[a-zA-Z_:][a-zA-Z0-9_:]*)*$/;

/** Where the parser could not follow the expression: lezer marks such input with error (⚠) nodes. */
export function promqlSyntaxErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(`offset ${node.from}: ${JSON.stringify(expr.slice(node.from, node.from + 20))}`);
    },
  });
  return errors;
}

/**
 * Metric names an expression selects: selector identifiers, quoted names (`{"a.b"}`) and `__name__` matchers.
 * A `__name__` regex that is not a plain list of names is returned as written, so that no known-name check can pass it.
 */
export function metricNamesIn(expr: string): string[] {
  const names = new Set<string>();
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name === 'VectorSelector') for (const name of selectorNames(node.node, expr)) names.add(name);
    },
  });
  return [...names];
}

function selectorNames(selector: SyntaxNode, expr: string): string[] {
  const text = (node: SyntaxNode): string => expr.slice(node.from, node.to);
  const names: string[] = [];
  const identifier = selector.getChild('Identifier');
  if (identifier) names.push(text(identifier));
  for (let matcher = selector.getChild('LabelMatchers')?.firstChild ?? null; matcher; matcher = matcher.nextSibling) {
    if (matcher.name === 'QuotedLabelName') names.push(unquote(text(matcher)));
    if (matcher.name === 'UnquotedLabelMatcher' || matcher.name === 'QuotedLabelMatcher') names.push(...nameMatcherValues(matcher, text));
  }
  return names;
}

function nameMatcherValues(matcher: SyntaxNode, text: (node: SyntaxNode) => string): string[] {
  const unquoted = matcher.getChild('LabelName');
  const quoted = matcher.getChild('QuotedLabelName');
  const label = unquoted ? text(unquoted) : quoted ? unquote(text(quoted)) : '';
  const op = matcher.getChild('MatchOp');
  const value = matcher.getChild('StringLiteral');
  if (label !== '__name__' || !op || !value) return [];
  const pattern = unquote(text(value));
  switch (text(op)) {
    case '=':
      return [pattern];
    case '=~':
      return PLAIN_NAME_ALTERNATIVES.test(pattern) ? pattern.split('|') : [`{__name__=~${text(value)}}`];
    default:
      return []; // != and !~ exclude names, they name none
  }
}

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return literal.startsWith('`') ? body : body.replace(/\\(.)/g, '$1');
}
