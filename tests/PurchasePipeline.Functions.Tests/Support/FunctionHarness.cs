using System.Text.Json.Nodes;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests.Support;

/// <summary>The ports as fakes, the functions built on them, and an event fixture fed through one.</summary>
internal sealed class FunctionHarness
{
    public FakeCrawlerService Crawler { get; init; } = new();

    public FakeEtlJobService EtlJob { get; init; } = new();

    public FakeRunManifestStore RunManifests { get; init; } = new();

    public FakeQueryService Query { get; init; } = new();

    public FakeDatasetService Dataset { get; init; } = new();

    /// <summary>The real rules, as shipped next to the Functions assembly.</summary>
    public IValidationRules Rules { get; init; } = new ValidationRuleFiles();

    public TaskPorts Ports => new()
    {
        Crawler = Crawler,
        EtlJob = EtlJob,
        RunManifests = RunManifests,
        Query = Query,
        ValidationRules = Rules,
        Dataset = Dataset,
    };

    /// <summary>The function of that name, built from the catalog on these fakes.</summary>
    public ITaskFunction Create(string name) => FunctionCatalog.Get(name).Create(Ports);

    /// <summary>Feeds Events/<paramref name="eventName"/>.json through the function and parses what it returns.</summary>
    public static async Task<JsonObject> InvokeAsync(ITaskFunction function, string eventName)
    {
        await using var input = Events.Open(eventName);
        await using var output = await function.InvokeAsync(input, CancellationToken.None);
        return Json.ParseObject(output);
    }

    /// <summary>As Lambda calls it: <c>HandleAsync(Stream)</c>.</summary>
    public static async Task<JsonObject> HandleAsync(Func<Stream, Task<Stream>> handleAsync, string eventName)
    {
        await using var input = Events.Open(eventName);
        await using var output = await handleAsync(input);
        return Json.ParseObject(output);
    }
}
