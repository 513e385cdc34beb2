using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using PurchasePipeline.Infra.Settings;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>Synthesizes the stack with some context, without bundling the functions (no dotnet publish in tests).</summary>
internal static class Synth
{
    public static readonly RepositoryFiles Files = RepositoryFiles.Locate();

    public static (PurchasePipelineStack Stack, Template Template) Stack(Dictionary<string, object>? context = null, string? outdir = null)
    {
        var app = App(context, outdir);
        var stack = Program.CreateStack(app);
        return (stack, Template.FromStack(stack));
    }

    public static App App(Dictionary<string, object>? context = null, string? outdir = null)
    {
        // The CDK's .NET library runs its constructs on Node.js (the jsii runtime); without node it fails deep inside jsii.
        TestTools.RequireOnPath("node", "node");

        // cdk.json's feature flags, as `cdk synth` applies them, then the test's values.
        var all = JsonNode.Parse(File.ReadAllText(Path.Combine(Files.Root, "infra", "cdk.json")))!["context"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => (object)(pair.Value!.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? pair.Value.GetValue<bool>() : pair.Value.ToString()));
        foreach (var (key, value) in context ?? [])
        {
            all[key] = value;
        }

        // Stacks listed here are bundled; none: the asset is the source folder, hashed, not published.
        all["aws:cdk:bundling-stacks"] = Array.Empty<string>();
        return new App(new AppProps { Context = all, Outdir = outdir });
    }

    /// <summary>The template as JSON.</summary>
    public static JsonObject Json(this Template template) =>
        JsonSerializer.SerializeToNode(template.ToJSON())!.AsObject();

    /// <summary>The resources of a type: logical id and properties.</summary>
    public static IReadOnlyList<(string Id, JsonObject Properties)> Resources(this JsonObject template, string type) =>
    [
        .. template["Resources"]!.AsObject()
            .Where(pair => (string?)pair.Value!["Type"] == type)
            .Select(pair => (pair.Key, pair.Value!["Properties"]?.AsObject() ?? [])),
    ];

    /// <summary>The one resource of a type.</summary>
    public static JsonObject Single(this JsonObject template, string type) => Assert.Single(template.Resources(type)).Properties;

    /// <summary>The logical id of a construct's CloudFormation resource.</summary>
    public static string LogicalId(this Amazon.CDK.Stack stack, Constructs.IConstruct construct) =>
        stack.Resolve(((CfnElement)(construct.Node.DefaultChild ?? construct)).LogicalId).ToString()!;
}
