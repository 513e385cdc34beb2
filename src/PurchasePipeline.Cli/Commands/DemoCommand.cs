using System.CommandLine;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Cli.Output;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Generator;
using PurchasePipeline.Local.Lake;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// <c>demo</c>: generates purchase files, drops them into landing/raw/ one by one, runs one execution of
/// the state machine for each, and ends with a summary table and the dashboard's path.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Option<int>("--files") { Description = "Number of files to generate and process", DefaultValueFactory = _ => 5 };
        var rows = new Option<int>("--rows") { Description = "Rows per file", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var command = new Command("demo", "Run the whole pipeline locally on generated files") { files, rows, seed }.With(
            "purchase-pipeline demo",
            "purchase-pipeline demo --files 3 --rows 500 --seed 7",
            "purchase-pipeline demo --home /tmp/pp-demo --quiet");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var count = parse.GetValue(files);
            var generated = Path.Combine(home.Root, "generated");
            var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
            var options = new GenerateOptions
            {
                Out = generated,
                Files = count,
                Rows = parse.GetValue(rows),
                Seed = parse.GetValue(seed),
                StartDate = today.AddDays(1 - Math.Max(count, 1)),
                IncludeUsers = true,
            };
            var diagnostics = new Diagnostics(context, parse, json: false);
            GenerationResult generation;
            try
            {
                var progress = new Progress<BatchSummary>(b => diagnostics.Progress($"generated {b.Key}: {b.Rows} rows"));
                generation = await GeneratorRunner.RunAsync(options, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            context.Console.MarkupLineInterpolated($"Generated [bold]{generation.Batches.Count}[/] file(s), {generation.Rows} rows ({generation.ValidUnique} valid) into {generated}");
            LandUsers(home, generated, generation.UsersKey);
            var runs = await RunAllAsync(context, diagnostics, home, generated, generation, cancellationToken).ConfigureAwait(false);

            RunSummary.WriteTable(context.Console, runs);
            var clean = runs.Sum(r => r.Manifest?.RowsClean ?? 0);
            context.Console.MarkupLineInterpolated(
                $"Clean rows added: [bold]{clean}[/]; the generator wrote {generation.ValidUnique} valid, unique rows (fewer are added when this home already holds some of them)");
            context.Console.MarkupLineInterpolated($"Dashboard: [link]{home.Dashboard}[/]");
            return runs.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<List<ExecutionOutcome>> RunAllAsync(CliContext context, Diagnostics diagnostics, LocalHome home, string generated, GenerationResult generation, CancellationToken cancellationToken)
    {
        var host = diagnostics.Host(home);
        var runs = new List<ExecutionOutcome>();
        foreach (var batch in generation.Batches)
        {
            diagnostics.Position = $"[{runs.Count + 1}/{generation.Batches.Count}] ";
            var run = await context.Console.Status().StartAsync($"{batch.Key}: running the state machine", async _ =>
            {
                var landed = Landing.Land(home, Path.Combine(generated, batch.Key), context.Time.GetUtcNow());
                if (landed.NoticeIn(home.Landing) is { } notice)
                {
                    await context.Error.WriteLineAsync(notice).ConfigureAwait(false);
                }

                return await host.RunForObjectAsync(landed.Key, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
            runs.Add(run);
            RunSummary.WriteLine(context.Console, runs.Count, generation.Batches.Count, run);
        }

        return runs;
    }

    private static void LandUsers(LocalHome home, string generated, string? usersKey)
    {
        if (usersKey is null)
        {
            return;
        }

        // Whole or not at all, like the purchase objects: a job running meanwhile reads the user dimension too.
        var target = home.PathOf(usersKey);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(generated, usersKey), target + ".tmp", overwrite: true);
        ObjectVersions.Put(home.Landing, usersKey, target + ".tmp");
    }
}
