using System.Text.Json.Serialization;

namespace PurchasePipeline.Aws.StepFunctions;

/// <summary>Step Functions' JSON 1.0 bodies: camelCase members as in the model, absent when null.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartedExecution))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(ExecutionDescription))]
[JsonSerializable(typeof(RedriveExecutionRequest))]
[JsonSerializable(typeof(RedrivenExecution))]
[JsonSerializable(typeof(ListExecutionsRequest))]
[JsonSerializable(typeof(ExecutionsPage))]
internal sealed partial class StepFunctionsJson : JsonSerializerContext;
