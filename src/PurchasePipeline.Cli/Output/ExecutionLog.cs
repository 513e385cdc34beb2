using System.Globalization;
using Microsoft.Extensions.Logging;
using PurchasePipeline.States;

namespace PurchasePipeline.Cli.Output;

/// <summary>
/// Watches one execution's history: live progress lines (the file, the state it is in, rows, elapsed) and, with
/// --log-format json, a JSON log line per event carrying the execution id and the state name.
/// </summary>
/// <remarks>Elapsed time is measured on the history's timestamps (the engine's clock), so a test clock gives fixed lines.</remarks>
internal sealed class ExecutionLog(ExecutionInfo info, string? position, Action<string>? progress, bool verbose, ILogger? logger) : IExecutionListener
{
    private DateTimeOffset? started;
    private string? key;
    private string? state;

    public void OnEvent(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        state = historyEvent.StateName ?? state;
        started ??= historyEvent.Timestamp;
        using var scope = logger?.BeginScope(new KeyValuePair<string, object?>[] { new("ExecutionId", info.Id), new("StateName", state) });
        switch (historyEvent.Type)
        {
            case HistoryEventType.ExecutionStarted:
                key = (string?)historyEvent.Payload?["detail"]?["object"]?["key"];
                Show(historyEvent, "started");
                if (logger is not null)
                {
                    Log.ExecutionStarted(logger, key);
                }

                break;
            case HistoryEventType.StateEntered:
                Show(historyEvent, historyEvent.StateName!);
                if (logger is not null)
                {
                    Log.StateEntered(logger);
                }

                break;
            case HistoryEventType.TaskSucceeded when logger is not null:
                Log.TaskSucceeded(logger);
                break;
            case HistoryEventType.TaskFailed:
                if (verbose)
                {
                    Show(historyEvent, $"{historyEvent.StateName} task failed: {historyEvent.Error}: {OneLine(historyEvent.Cause)}");
                }

                if (logger is not null)
                {
                    Log.TaskFailed(logger, historyEvent.Error, historyEvent.Cause);
                }

                break;
            case HistoryEventType.ExecutionSucceeded:
                var rows = (long?)historyEvent.Payload?["job"]?["manifest"]?["rows_in"];
                Show(historyEvent, rows is null ? "SUCCEEDED" : string.Create(CultureInfo.InvariantCulture, $"SUCCEEDED, {rows:N0} rows in"));
                if (logger is not null)
                {
                    Log.ExecutionEnded(logger, "SUCCEEDED");
                }

                break;
            case HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionTimedOut or HistoryEventType.ExecutionAborted:
                var status = historyEvent.Type switch
                {
                    HistoryEventType.ExecutionFailed => "FAILED",
                    HistoryEventType.ExecutionTimedOut => "TIMED_OUT",
                    _ => "ABORTED",
                };
                Show(historyEvent, $"{status} at {state}");
                if (logger is not null)
                {
                    Log.ExecutionFailed(logger, status, historyEvent.Error, historyEvent.Cause);
                }

                break;
        }
    }

    private void Show(HistoryEvent at, string what)
    {
        if (progress is null)
        {
            return;
        }

        var elapsed = at.Timestamp - started!.Value;
        progress(string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}.{elapsed.Milliseconds / 100} {position}{key}: {what}"));
    }

    private static string? OneLine(string? text) => text?.ReplaceLineEndings(" ");
}
