using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>The stack with default context, synthesized once for the tests that only read it.</summary>
public sealed class DefaultDeployment
{
    public DefaultDeployment()
    {
        (Stack, Template) = Synth.Stack();
        Json = Template.Json();
    }

    public PurchasePipelineStack Stack { get; }

    public Template Template { get; }

    public JsonObject Json { get; }
}
