using PurchasePipeline.Benchmarks;
using PurchasePipeline.Benchmarks.Engine;
using PurchasePipeline.Benchmarks.Measuring;
using PurchasePipeline.Benchmarks.Memory;
using PurchasePipeline.Benchmarks.Startup;

// dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- engine [--quick]
if (args.FirstOrDefault() == "engine")
{
    return await EngineBenchmarkRun.MainAsync(args[1..], CancellationToken.None);
}

// dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- memory [--data DIR] [--sizes 1,5,10,20] [--quick]
if (args.FirstOrDefault() == "memory")
{
    return await MemoryBenchmarkRun.MainAsync(args[1..], CancellationToken.None);
}

if (args.FirstOrDefault() == MemoryCase.ChildCommand)
{
    return MemoryCase.RunChild(args[1], args[2], args[3], args[4]);
}

// dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- incremental [--quick]
if (args.FirstOrDefault() == "incremental")
{
    return await PurchasePipeline.Benchmarks.Incremental.IncrementalBenchmarkRun.MainAsync(args[1..], CancellationToken.None);
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
