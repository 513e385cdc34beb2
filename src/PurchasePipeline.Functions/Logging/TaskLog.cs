using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PurchasePipeline.Functions.Logging;

/// <summary>
/// The handlers' log: in Lambda, JSON lines on stdout with Powertools-style fields (function_name, xray_trace_id,
/// execution_id, state_name); on the local plane nothing, since the CLI logs each execution itself.
/// </summary>
/// <remarks>
/// Each Lambda Task state of the definition passes <c>"log": {"executionId.$": "$$.Execution.Id", "stateName.$":
/// "$$.State.Name"}</c> (statemachine/README.md): a Lambda has no other way to know the execution it serves. The
/// tasks' requests do not read it.
/// </remarks>
public static class TaskLog
{
    /// <summary>The Parameters field every Lambda Task state passes for the log lines.</summary>
    public const string Field = "log";

    /// <summary>Set by Lambda in every execution environment (docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html, "Defined runtime environment variables").</summary>
    internal const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";

    /// <summary>The X-Ray trace header of the current invocation, which the Lambda runtime sets before each call.</summary>
    internal const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    private static readonly Lazy<ILogger> Default = new(() => For(Environment.GetEnvironmentVariable, Console.Out, TimeProvider.System));

    /// <summary>The handlers' logger in this process.</summary>
    internal static ILogger Current => Default.Value;

    /// <summary>JSON lines to <paramref name="output"/> in a Lambda (AWS_LAMBDA_FUNCTION_NAME set), else no log.</summary>
    internal static ILogger For(Func<string, string?> environment, TextWriter output, TimeProvider time) =>
        environment(FunctionNameVariable) is { Length: > 0 } name
            ? new JsonLineLogger(output, time, [new("function_name", name)])
            : NullLogger.Instance;

    /// <summary>The fields of one invocation's lines: its execution and state (from <see cref="Field"/>), and the X-Ray trace.</summary>
    internal static KeyValuePair<string, object?>[] InvocationFields(ReadOnlySpan<byte> input, Func<string, string?> environment)
    {
        string? executionId = null, stateName = null;
        try
        {
            using var document = JsonDocument.Parse(input.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(Field, out var log) && log.ValueKind == JsonValueKind.Object)
            {
                executionId = Text(log, "executionId");
                stateName = Text(log, "stateName");
            }
        }
        catch (JsonException)
        {
            // The request's own reading reports malformed input, with its path and position.
        }

        return [new("ExecutionId", executionId), new("StateName", stateName), new("xray_trace_id", environment(TraceIdVariable))];
    }

    private static string? Text(JsonElement log, string name) =>
        log.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
