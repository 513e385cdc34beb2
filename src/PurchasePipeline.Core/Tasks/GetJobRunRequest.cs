using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Tasks;

/// <summary>The GetJobRun state's parameters.</summary>
/// <param name="JobName">The Glue job (required).</param>
/// <param name="JobRunId">The run StartEtlJob started or joined (required).</param>
/// <param name="Poll">This poll's number, echoed into the result (required).</param>
/// <param name="RawObject">The execution's object, <c>object</c> in JSON: once the run SUCCEEDED, its manifest must list it.</param>
/// <param name="ExecutionInput">The execution's input (the event's time and the object's etag).</param>
/// <param name="Round">StartEtlJob's round, echoed into the result.</param>
public sealed record GetJobRunRequest(
    string? JobName,
    string? JobRunId,
    int? Poll,
    [property: JsonPropertyName("object")] ObjectRef? RawObject = null,
    ExecutionInput? ExecutionInput = null,
    int? Round = null);
