using PurchasePipeline.Cli;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (Console.IsOutputRedirected)
{
    // Logs and CI capture wide tables better than wrapped ones.
    AnsiConsole.Console.Profile.Width = 160;
}

return await CliApp.RunAsync(args, AnsiConsole.Console, Console.Error, TimeProvider.System, cancellation.Token);
