using System.Text.Json.Nodes;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>The JSON fixtures under Fixtures/, copied next to the test assembly.</summary>
internal static class Fixtures
{
    /// <summary>The Step Functions Local mock config with the pipeline's test cases.</summary>
    public static string MockConfig => PathOf("purchase-pipeline.mock.json");

    /// <summary>The Object Created event of raw/2026/11/25/purchases-0001.csv in the local bucket.</summary>
    public static string ObjectCreatedEvent => PathOf("object-created.event.json");

    /// <summary>The same event without detail.object.key.</summary>
    public static string EventWithoutKey => PathOf("object-created-without-key.event.json");

    /// <summary>What the HappyPath test case's execution outputs.</summary>
    public static string HappyPathOutput => PathOf("happy-path.output.json");

    /// <summary>The object key of <see cref="ObjectCreatedEvent"/>.</summary>
    public const string EventKey = "raw/2026/11/25/purchases-0001.csv";

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", file);

    public static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
