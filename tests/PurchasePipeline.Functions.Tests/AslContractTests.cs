using System.Text.RegularExpressions;
using PurchasePipeline.Functions.Tests.Support;

namespace PurchasePipeline.Functions.Tests;

/// <summary>The definition, the README's payload table and the DTOs name the same fields, so they cannot drift apart.</summary>
public partial class AslContractTests
{
    [Fact]
    public void FunctionTasks_EveryFunctionArnResourceOfTheAsl_IsACatalogFunction()
    {
        Assert.Equal(
            FunctionCatalog.All.Select(f => "${" + f.ArnPlaceholder + "}").Order(StringComparer.Ordinal),
            Asl.FunctionArnResources().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ResultPaths_EveryResultFieldTheAslReads_IsSerialisedByTheResultDtoStoredThere()
    {
        var storedAt = ResultTypesByPath();
        var reads = Asl.AllStrings()
            .SelectMany(text => ResultFieldRead().Matches(text))
            .Select(match => (Path: "$." + match.Groups["result"].Value, Field: match.Groups["field"].Value))
            .Where(read => storedAt.ContainsKey(read.Path))
            .Distinct()
            .ToList();

        Assert.All(storedAt.Keys, path => Assert.Contains(reads, read => read.Path == path));
        Assert.All(reads, read => Assert.True(
            Json.PropertyNames(storedAt[read.Path]).Contains(read.Field),
            $"the ASL reads {read.Path}.{read.Field}, which {storedAt[read.Path].Name} does not serialise"));
    }

    [Fact]
    public void Parameters_EveryFunctionTaskState_PassesExactlyItsRequestDtosFields()
    {
        Assert.All(Asl.FunctionTasks(), task => Assert.Equal(
            Json.PropertyNames(task.Function.RequestType).Order(StringComparer.Ordinal),
            Asl.ParameterNames(task.State).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Readme_EveryFunctionTaskState_StoresItsResultWhereTheReadmeSays()
    {
        var table = ReadmePayloads.Rows();

        Assert.All(Asl.FunctionTasks(), task => Assert.Equal(table[task.Name].ResultPath, (string?)task.State["ResultPath"]));
    }

    [Fact]
    public void Readme_ResultDtos_SerialiseExactlyTheReadmesResultFields()
    {
        var table = ReadmePayloads.Rows();

        Assert.All(FunctionCatalog.All, function => Assert.Equal(
            table[function.Name].ResultFields.Order(StringComparer.Ordinal),
            Json.PropertyNames(function.ResultType).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Readme_RequestDtos_ReadExactlyTheReadmesParameters()
    {
        var table = ReadmePayloads.Rows();

        Assert.All(FunctionCatalog.All, function => Assert.Equal(
            table[function.Name].Parameters.Order(StringComparer.Ordinal),
            Json.PropertyNames(function.RequestType).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Events_EveryCatalogFunction_HasAFixtureOfItsStatesParameters()
    {
        Assert.All(FunctionCatalog.All, function => Assert.Contains(function.Name, Events.Valid()));
    }

    [Fact]
    public void Events_EveryWellFormedFixture_HasExactlyTheParametersOfItsState()
    {
        Assert.All(Events.Valid(), name =>
        {
            var state = Asl.States[name.Split('.')[0]]!.AsObject();
            Assert.Equal(
                Asl.ParameterNames(state).Order(StringComparer.Ordinal),
                Events.Read(name).Select(field => field.Key).Order(StringComparer.Ordinal));
        });
    }

    private static Dictionary<string, Type> ResultTypesByPath()
    {
        var byPath = Asl.FunctionTasks()
            .GroupBy(task => (string)task.State["ResultPath"]!)
            .ToDictionary(group => group.Key, group => group.Select(task => task.Function.ResultType).Distinct().ToList());
        Assert.All(byPath, path => Assert.Single(path.Value));
        return byPath.ToDictionary(path => path.Key, path => path.Value[0]);
    }

    [GeneratedRegex(@"\$\.(?<result>[A-Za-z]+)\.(?<field>[A-Za-z0-9_]+)")]
    private static partial Regex ResultFieldRead();
}
