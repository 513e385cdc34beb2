namespace PurchasePipeline.Infra.Alerting;

public sealed class AlertTopicProps
{
    /// <summary>Subscribed by email when set (the address confirms the subscription); null subscribes no one.</summary>
    public required string? AlertEmail { get; init; }
}
