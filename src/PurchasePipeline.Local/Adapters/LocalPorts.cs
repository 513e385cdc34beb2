using PurchasePipeline.Core.Ports;
using PurchasePipeline.States.Graph;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Adapters;

/// <summary>The local plane's adapters of every port, over one home.</summary>
public static class LocalPorts
{
    /// <summary>The ports over <paramref name="home"/>, with the rules the caller ships; the dashboard draws <paramref name="machine"/> when given.</summary>
    public static TaskPorts Create(LocalHome home, TimeProvider time, IValidationRules rules, StateGraph? machine = null) => new()
    {
        Crawler = new LocalCrawlerService(home),
        EtlJob = new LocalEtlJobService(home, time, rules),
        RunManifests = new LocalRunManifestStore(home),
        Query = new LocalQueryService(home),
        ValidationRules = rules,
        Dataset = new LocalDatasetService(home, time, machine),
    };
}
