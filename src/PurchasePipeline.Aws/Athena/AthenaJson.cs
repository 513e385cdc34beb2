using System.Text.Json.Serialization;

namespace PurchasePipeline.Aws.Athena;

/// <summary>Athena's JSON 1.1 bodies: members as the model spells them (PascalCase), absent when null.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartQueryExecutionRequest))]
[JsonSerializable(typeof(StartQueryExecutionResponse))]
[JsonSerializable(typeof(GetQueryExecutionRequest))]
[JsonSerializable(typeof(GetQueryExecutionResponse))]
[JsonSerializable(typeof(GetQueryResultsRequest))]
[JsonSerializable(typeof(GetQueryResultsResponse))]
internal sealed partial class AthenaJson : JsonSerializerContext;
