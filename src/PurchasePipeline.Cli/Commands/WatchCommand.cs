using System.CommandLine;
using PurchasePipeline.Cli.Output;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>watch</c>: the local EventBridge rule: one execution for every object that appears in landing/raw/.</summary>
internal static class WatchCommand
{
    public static Command Create(CliContext context)
    {
        var interval = new Option<string>("--interval") { Description = "How often to look for new objects (e.g. 1s)", DefaultValueFactory = _ => "1s" };
        var command = new Command("watch", "Start an execution for every new object in landing/raw/ until Ctrl+C") { interval }.With(
            "purchase-pipeline watch",
            "purchase-pipeline watch --interval 5s --log-format json");
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Durations.TryParse(parse.GetValue(interval)!, out var period))
            {
                await context.Error.WriteLineAsync($"--interval: '{parse.GetValue(interval)}' is not a duration (use 1s, 5s)").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var host = new Diagnostics(context, parse, json: false).Host(home);
            context.Console.Profile.Out.Writer.WriteLine($"watching {home.Raw} (Ctrl+C to stop)");
            var count = 0;
            await host.Trigger.WatchAsync(
                async (created, ct) =>
                {
                    try
                    {
                        var outcome = await host.AnnounceAsync(created, ct).ConfigureAwait(false);
                        // watch runs for hours: each line says when its execution ended.
                        RunSummary.WriteLine(context.Console, ++count, count, outcome, context.Time.GetUtcNow());
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or DuckDB.NET.Data.DuckDBException)
                    {
                        // One object that cannot start an execution must not stop the trigger for the others.
                        await context.Error.WriteLineAsync($"{created["detail"]?["object"]?["key"]}: no execution started: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
                    }
                },
                period,
                line => context.Error.WriteLine(line),
                cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
