using System.CommandLine;
using PurchasePipeline.Cli.Commands;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Functions.Logging;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;

namespace PurchasePipeline.Cli.Output;

/// <summary>
/// Where a command's side output goes (the global --quiet, --verbose, --progress, --log-format and the command's
/// --json): results on stdout; alerts on stdout for people, on stderr with --json (stdout is then only JSON), none
/// with --quiet; progress and logs always on stderr, progress only on a terminal unless --progress.
/// </summary>
internal sealed class Diagnostics
{
    private readonly CliContext context;
    private readonly bool quiet;
    private readonly bool verbose;
    private readonly bool progress;
    private readonly JsonLineLogger? logger;

    public Diagnostics(CliContext context, ParseResult parse, bool json)
    {
        ArgumentNullException.ThrowIfNull(parse);
        this.context = context;
        quiet = parse.GetValue(GlobalOptions.Quiet);
        verbose = parse.GetValue(GlobalOptions.Verbose);
        progress = !quiet && (parse.GetValue(GlobalOptions.Progress) || verbose || context.ErrorIsTerminal);
        Alerts = quiet ? null : json ? context.Error.WriteLine : context.Console.Profile.Out.Writer.WriteLine;
        logger = parse.GetValue(GlobalOptions.LogFormat) == "json"
            ? new JsonLineLogger(context.Error, context.Time, minimum: verbose ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Information)
            : null;
    }

    /// <summary>Where alerts are shown (null: not shown; they are still written to alerts/).</summary>
    public Action<string>? Alerts { get; }

    /// <summary>"[2/5] ": the file the next execution is for, in progress lines.</summary>
    public string? Position { get; set; }

    /// <summary>The local plane with this command's alerts, progress and logs.</summary>
    public PipelineHost Host(LocalHome home, double waitScale = 0) =>
        new(home, context.Time, waitScale, Alerts) { Observe = Observe };

    /// <summary>Progress on stderr, as its own line (never on stdout, which may be --json).</summary>
    public void Progress(string line)
    {
        if (progress)
        {
            context.Error.WriteLine(line);
        }
    }

    public IExecutionListener? Observe(ExecutionInfo info) =>
        progress || logger is not null ? new ExecutionLog(info, Position, progress ? context.Error.WriteLine : null, verbose, logger) : null;
}
