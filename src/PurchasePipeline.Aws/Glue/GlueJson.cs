using System.Text.Json.Serialization;

namespace PurchasePipeline.Aws.Glue;

/// <summary>Glue's JSON 1.1 bodies: members as the model spells them (PascalCase), absent when null.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartCrawlerRequest))]
[JsonSerializable(typeof(GetCrawlerRequest))]
[JsonSerializable(typeof(GetCrawlerResponse))]
[JsonSerializable(typeof(StartJobRunRequest))]
[JsonSerializable(typeof(StartJobRunResponse))]
[JsonSerializable(typeof(GetJobRunRequest))]
[JsonSerializable(typeof(GetJobRunResponse))]
[JsonSerializable(typeof(GetJobRunsRequest))]
[JsonSerializable(typeof(GetJobRunsResponse))]
[JsonSerializable(typeof(ResetJobBookmarkRequest))]
[JsonSerializable(typeof(EmptyResponse))]
internal sealed partial class GlueJson : JsonSerializerContext;
