using Amazon.CDK;
using Constructs;

namespace PurchasePipeline.Infra.Security;

/// <summary>
/// cdk-nag suppressions, written as the CloudFormation metadata cdk-nag reads (<c>cdk_nag.rules_to_suppress</c>),
/// so the npm cdk-nag run over the synthesized template (tests/PurchasePipeline.Infra.Tests/nag) honours
/// them. Every suppression carries the reason it is acceptable; a resource gets all of its suppressions in
/// one call.
/// </summary>
public static class Nag
{
    private const string Key = "cdk_nag";

    /// <summary>Suppresses rules (id, reason) on the construct's CloudFormation resource (its default child for an L2).</summary>
    /// <exception cref="InvalidOperationException">The resource already has suppressions.</exception>
    public static void Suppress(IConstruct construct, params (string Rule, string Reason)[] rules)
    {
        ArgumentNullException.ThrowIfNull(construct);
        ArgumentNullException.ThrowIfNull(rules);
        var resource = construct as CfnResource ?? construct.Node.DefaultChild as CfnResource
            ?? throw new ArgumentException($"{construct.Node.Path} has no CloudFormation resource", nameof(construct));
        Add(resource, rules);

        // A role's statements live in its default policy (an AWS::IAM::Policy of its own): it gets them too.
        if (construct.Node.TryFindChild("DefaultPolicy")?.Node.DefaultChild is CfnResource policy)
        {
            Add(policy, rules);
        }
    }

    private static void Add(CfnResource resource, (string Rule, string Reason)[] rules)
    {
        if (resource.GetMetadata(Key) is not null)
        {
            throw new InvalidOperationException($"{resource.Node.Path} already has cdk-nag suppressions: give them all in one call");
        }

        var list = rules.Select(rule => (object)new Dictionary<string, object> { ["id"] = rule.Rule, ["reason"] = rule.Reason }).ToArray();
        resource.AddMetadata(Key, new Dictionary<string, object> { ["rules_to_suppress"] = list });
    }
}
