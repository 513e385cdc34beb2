using System.Runtime.InteropServices;
using PurchasePipeline.Cli;
using PurchasePipeline.Cli.Commands;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();

// SIGTERM (kill, a service manager stopping watch) ends like Ctrl+C: the running execution is recorded as
// ABORTED and the command returns, instead of the runtime exiting with the execution left RUNNING.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

if (Console.IsOutputRedirected)
{
    // Logs and CI capture wide tables better than wrapped ones.
    AnsiConsole.Console.Profile.Width = 160;
}

return await CliApp.RunAsync(args, new CliContext(AnsiConsole.Console, Console.Error, TimeProvider.System) { ErrorIsTerminal = !Console.IsErrorRedirected }, cancellation.Token);

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancellation.Cancel();
}
