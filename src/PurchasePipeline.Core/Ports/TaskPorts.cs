namespace PurchasePipeline.Core.Ports;

/// <summary>
/// Every port a task may need: a plane provides one set for all eight task functions (AwsPorts.Create in
/// PurchasePipeline.Aws, LocalPorts.Create in PurchasePipeline.Local; tests build theirs from fakes).
/// </summary>
public sealed record TaskPorts
{
    public required ICrawlerService Crawler { get; init; }

    public required IEtlJobService EtlJob { get; init; }

    public required IRunManifestStore RunManifests { get; init; }

    public required IQueryService Query { get; init; }

    public required IValidationRules ValidationRules { get; init; }

    public required IDatasetService Dataset { get; init; }
}
