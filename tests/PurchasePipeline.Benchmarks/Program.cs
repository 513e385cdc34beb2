using PurchasePipeline.Benchmarks;
using PurchasePipeline.Benchmarks.Engine;
using PurchasePipeline.Benchmarks.Measuring;
using PurchasePipeline.Benchmarks.Startup;

// dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- engine [--quick]
if (args.FirstOrDefault() == "engine")
{
    return await EngineBenchmarkRun.MainAsync(args[1..], CancellationToken.None);
}

// dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- startup [--quick]
if (args.FirstOrDefault() == "startup")
{
    return await StartupBenchmarkRun.MainAsync(args[1..], CancellationToken.None);
}

// dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- [--quick]
if (args.Any(a => a != "--quick"))
{
    await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- [--quick]");
    return 2;
}

var scale = args.Contains("--quick") ? BenchmarkScale.Quick : BenchmarkScale.Full;
using var workspace = BenchmarkWorkspace.Create(scale.Name);
using var load = new LoadLog(TimeProvider.System);
var report = await new BenchmarkRun(scale, workspace, load).ExecuteAsync(CancellationToken.None);
var markdown = report.Render();
Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine("written to " + ResultsFile.Write(scale, markdown));
return 0;
