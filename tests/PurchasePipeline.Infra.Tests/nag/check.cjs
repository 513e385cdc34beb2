// cdk-nag's AwsSolutions rules over a synthesized CloudFormation template.
// cdk-nag is a CDK (TypeScript) library: the template is loaded back into a construct tree with
// CfnInclude and the pack validates that tree. A finding is suppressed when its resource's `cdk_nag`
// metadata (written by infra/PurchasePipeline.Infra/Security/Nag.cs, each with its reason) names the rule;
// as in cdk-nag 2, a rule id also covers its findings (AwsSolutions-IAM5 covers AwsSolutions-IAM5[...]).
// Prints every unsuppressed finding, one per line (`error PATH: RULE: ...` or `warning PATH: RULE: ...`),
// then a summary line.
// Usage: node check.cjs TEMPLATE.json   (exit 0: no unsuppressed error; 1: errors; 2: bad usage)
'use strict';
const fs = require('node:fs');
const { App, Stack } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

const templateFile = process.argv[2];
if (!templateFile || !fs.existsSync(templateFile)) {
  console.error(`usage: node check.cjs TEMPLATE.json (got ${templateFile ?? 'nothing'})`);
  process.exit(2);
}

const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
const app = new App();
const stack = new Stack(app, 'Checked');
new CfnInclude(stack, 'Template', { templateFile });
const prefix = 'Checked/Template/';

function suppressions(constructPath) {
  const logicalId = constructPath.startsWith(prefix) ? constructPath.slice(prefix.length).split('/')[0] : undefined;
  const rules = template.Resources?.[logicalId]?.Metadata?.cdk_nag?.rules_to_suppress ?? [];
  return rules.filter((rule) => typeof rule.reason === 'string' && rule.reason.trim().length >= 10);
}

function suppressed(ruleName, constructPath) {
  return suppressions(constructPath).some((rule) => ruleName === rule.id || ruleName.startsWith(`${rule.id}[`));
}

const report = new AwsSolutionsChecks().validateScope(app);
const errors = [];
const warnings = [];
for (const violation of report.violations) {
  for (const resource of violation.violatingResources) {
    if (suppressed(violation.ruleName, resource.constructPath)) continue;
    const finding = `${resource.constructPath.slice(prefix.length)}: ${violation.ruleName}: ${violation.description.split('\n')[0]}`;
    (violation.severity === 'error' ? errors : warnings).push(finding);
  }
}
errors.forEach((line) => console.log(`error ${line}`));
warnings.forEach((line) => console.log(`warning ${line}`));
console.log(`cdk-nag AwsSolutions: ${errors.length} unsuppressed errors, ${warnings.length} unsuppressed warnings`);
process.exit(errors.length === 0 ? 0 : 1);
