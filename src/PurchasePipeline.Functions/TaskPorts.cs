using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Functions;

/// <summary>Every port a task function may need; a plane (AWS or local) provides one set for all eight.</summary>
public sealed record TaskPorts
{
    public required ICrawlerService Crawler { get; init; }

    public required IEtlJobService EtlJob { get; init; }

    public required IRunManifestStore RunManifests { get; init; }

    public required IQueryService Query { get; init; }

    public required IValidationRules ValidationRules { get; init; }

    public required IDatasetService Dataset { get; init; }
}
