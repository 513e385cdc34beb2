using Microsoft.Extensions.Logging;

namespace PurchasePipeline.Cli.Output;

/// <summary>The local executions' log lines (--log-format json); the execution id and state name come from the scope of each line.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Execution started for {ObjectKey}")]
    public static partial void ExecutionStarted(ILogger logger, string? objectKey);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "State entered")]
    public static partial void StateEntered(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Task succeeded")]
    public static partial void TaskSucceeded(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Task failed: {Error}: {Cause}")]
    public static partial void TaskFailed(ILogger logger, string? error, string? cause);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Execution ended {Status}")]
    public static partial void ExecutionEnded(ILogger logger, string status);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Execution ended {Status}: {Error}: {Cause}")]
    public static partial void ExecutionFailed(ILogger logger, string status, string? error, string? cause);
}
