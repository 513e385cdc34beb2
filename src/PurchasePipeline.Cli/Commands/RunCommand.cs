using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Cli.Output;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>run FILE... [--json]</c>: lands each file and runs the pipeline for it.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Purchase files (CSV or JSON lines) to land and process", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON" };
        var plane = new Option<string>("--plane") { Description = "local (default) or aws: the tasks call the real Glue, Athena, QuickSight and S3, and alerts go to the real SNS topic", DefaultValueFactory = _ => "local" };
        plane.AcceptOnlyFromAmong("local", "aws");
        var eventFile = new Option<string?>("--event") { Description = "With --plane aws: the Object Created event (JSON file) to run the definition for" };
        var command = new Command("run", "Land files and run one execution of the state machine for each") { files, json, plane, eventFile }.With(
            "purchase-pipeline run purchases.csv",
            "purchase-pipeline run incoming/raw/2026/11/01/purchases-20261101-s7-000001.csv --json",
            "purchase-pipeline run --plane aws --event object-created.json");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var asJson = parse.GetValue(json);
            var diagnostics = new Diagnostics(context, parse, asJson);
            if (parse.GetValue(plane) == "aws")
            {
                return await RunOnAwsAsync(context, diagnostics, home, parse.GetValue(eventFile), asJson, cancellationToken).ConfigureAwait(false);
            }

            var paths = parse.GetValue(files)!;
            if (paths.Length == 0 || parse.GetValue(eventFile) is not null)
            {
                await context.Error.WriteLineAsync("run: give FILE... (local plane), or --plane aws --event EVENT.json").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var missing = paths.FirstOrDefault(p => !File.Exists(p));
            if (missing is not null)
            {
                await context.Error.WriteLineAsync($"{missing}: no such file").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var ignored = paths.Select(p => (Path: p, Why: ObjectNames.WhyIgnored(Path.GetFileName(p)))).FirstOrDefault(p => p.Why is not null);
            if (ignored.Why is not null)
            {
                // Refused before anything lands: the job would never read it, and a SUCCEEDED "0 in" would hide that.
                await context.Error.WriteLineAsync($"{ignored.Path}: not landed: {ignored.Why}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var host = diagnostics.Host(home);
            var runs = new List<ExecutionOutcome>();
            foreach (var path in paths)
            {
                diagnostics.Position = $"[{runs.Count + 1}/{paths.Length}] ";
                var landed = Landing.Land(home, path, context.Time.GetUtcNow());
                if (landed.NoticeIn(home.Landing) is { } notice)
                {
                    await context.Error.WriteLineAsync(notice).ConfigureAwait(false);
                }

                var run = await host.RunForObjectAsync(landed.Key, cancellationToken).ConfigureAwait(false);
                runs.Add(run);
                if (!asJson)
                {
                    RunSummary.WriteLine(context.Console, runs.Count, paths.Length, run);
                }
            }

            if (asJson)
            {
                context.Console.Profile.Out.Writer.WriteLine(RunSummary.Json(runs));
            }

            return runs.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<int> RunOnAwsAsync(CliContext context, Diagnostics diagnostics, LocalHome home, string? eventFile, bool asJson, CancellationToken cancellationToken)
    {
        if (eventFile is null || !File.Exists(eventFile))
        {
            await context.Error.WriteLineAsync(eventFile is null ? "--plane aws needs --event EVENT.json" : $"{eventFile}: no such file").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        JsonNode? input;
        try
        {
            input = JsonNode.Parse(await File.ReadAllTextAsync(eventFile, cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException e)
        {
            await context.Error.WriteLineAsync($"{eventFile}: not JSON ({e.Message.ReplaceLineEndings(" ")})").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        PipelineHost host;
        try
        {
            host = AwsPlane.CreateHost(home, context.Time, waitScale: 1, diagnostics.Alerts, context.Environment, context.Credentials);
            host.Observe = diagnostics.Observe;
        }
        catch (MissingSettingException e)
        {
            await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var run = await host.StartExecutionAsync(input!, name: null, cancellationToken).ConfigureAwait(false);
        if (asJson)
        {
            context.Console.Profile.Out.Writer.WriteLine(RunSummary.Json([run]));
        }
        else
        {
            RunSummary.WriteLine(context.Console, 1, 1, run);
        }

        return run.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
