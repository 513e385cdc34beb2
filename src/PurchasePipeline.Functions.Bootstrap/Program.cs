// The bootstrap of the task functions' custom-runtime build: one binary for all eight, the function chosen by
// its Handler setting (the catalog's handler string), served over the Lambda Runtime API.
return await PurchasePipeline.Functions.Runtime.LambdaRuntime.RunAsync(CancellationToken.None).ConfigureAwait(false);
