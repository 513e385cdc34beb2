using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Tasks;

/// <summary>
/// The JSON of the task payloads (statemachine/README.md): camelCase, and every result field written even
/// when null, because the failure states format them into the alert's cause. Source-generated, so the
/// Lambda handlers stay trim- and AOT-friendly.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(StartCrawlerRequest))]
[JsonSerializable(typeof(GetCrawlerStateRequest))]
[JsonSerializable(typeof(CrawlerResult))]
[JsonSerializable(typeof(StartEtlJobRequest))]
[JsonSerializable(typeof(GetJobRunRequest))]
[JsonSerializable(typeof(JobRunResult))]
[JsonSerializable(typeof(StartValidationRequest))]
[JsonSerializable(typeof(GetValidationResultRequest))]
[JsonSerializable(typeof(ValidationResult))]
[JsonSerializable(typeof(RefreshDatasetRequest))]
[JsonSerializable(typeof(GetRefreshStatusRequest))]
[JsonSerializable(typeof(RefreshResult))]
public sealed partial class TaskJson : JsonSerializerContext;
