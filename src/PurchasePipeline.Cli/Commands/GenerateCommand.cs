using System.CommandLine;
using PurchasePipeline.Generator;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>generate --out DIR|s3://bucket/prefix</c>: writes synthetic purchase files.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Folder or s3://bucket/prefix to write to", Required = true };
        var files = new Option<int>("--files") { Description = "Number of files (batches)", DefaultValueFactory = _ => 3 };
        var rows = new Option<int>("--rows") { Description = "Rows per file", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same files", DefaultValueFactory = _ => 42 };
        var every = new Option<string?>("--every") { Description = "Periodic mode: wait this long between files (30s, 5m, 1h)" };
        var dirtyRate = new Option<double>("--dirty-rate") { Description = "Share of dirty rows, 0 to 1", DefaultValueFactory = _ => 0.05 };
        var format = new Option<OutputFormat>("--format") { Description = "Csv or JsonLines", DefaultValueFactory = _ => OutputFormat.Csv };
        var users = new Option<bool>("--users") { Description = "Also write the user dimension (reference/users/users.csv)" };
        var command = new Command("generate", "Write realistic (and realistically dirty) purchase files") { output, files, rows, seed, every, dirtyRate, format, users }.With(
            "purchase-pipeline generate --out ./incoming --files 5 --rows 2000 --seed 7",
            "purchase-pipeline generate --out s3://my-lake-bucket --files 3 --users",
            "purchase-pipeline generate --out .purchase-pipeline/landing --files 10 --every 30s --seed 8");
        command.SetAction(async (parse, cancellationToken) =>
        {
            TimeSpan? period = null;
            if (parse.GetValue(every) is { } text)
            {
                if (!Durations.TryParse(text, out var parsed))
                {
                    await context.Error.WriteLineAsync($"--every: '{text}' is not a duration (use 30s, 5m, 1h)").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                period = parsed;
            }

            var options = new GenerateOptions
            {
                Out = parse.GetValue(output)!,
                Files = parse.GetValue(files),
                Rows = parse.GetValue(rows),
                Seed = parse.GetValue(seed),
                DirtyRate = parse.GetValue(dirtyRate),
                Format = parse.GetValue(format),
                Every = period,
                IncludeUsers = parse.GetValue(users),
            };
            try
            {
                var progress = new Progress<BatchSummary>(b => context.Console.MarkupLineInterpolated(
                    $"[green]wrote[/] {b.Key}  {b.Rows} rows ({b.ValidUnique} valid, {b.Duplicates} duplicate, {b.Rejected} dirty)"));
                var result = await GeneratorRunner.RunAsync(options, progress, line => context.Error.WriteLine(line), cancellationToken).ConfigureAwait(false);
                context.Console.MarkupLineInterpolated($"[bold]{result.Batches.Count}[/] file(s), {result.Rows} rows to {options.Out}");
                return ExitCodes.Ok;
            }
            catch (ArgumentException e)
            {
                await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
