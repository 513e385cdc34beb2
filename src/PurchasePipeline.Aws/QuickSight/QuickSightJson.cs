using System.Text.Json.Serialization;

namespace PurchasePipeline.Aws.QuickSight;

/// <summary>QuickSight's REST-JSON bodies: members as the model spells them (PascalCase), absent when null.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateIngestionBody))]
[JsonSerializable(typeof(CreateIngestionResponse))]
[JsonSerializable(typeof(DescribeIngestionResponse))]
internal sealed partial class QuickSightJson : JsonSerializerContext;
