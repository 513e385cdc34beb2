using System.Text.Json.Nodes;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.States.Tests.Graph;

/// <summary>Definitions the graph tests draw: the pipeline's own, and a small one with every kind of transition.</summary>
internal static class Graphs
{
    public static string PipelineJson { get; } = File.ReadAllText(RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json"));

    /// <summary>A Choice (two rules and Default), a Task with Retry and Catch, a Parallel with two branches, Succeed and Fail.</summary>
    public const string EveryKind = """
        { "StartAt": "Decide", "States": {
          "Decide": { "Type": "Choice", "Choices": [
              { "Variable": "$.n", "NumericGreaterThan": 10, "Next": "Work" },
              { "And": [ { "Variable": "$.s", "StringEquals": "a\"<b>" }, { "Variable": "$.t", "IsPresent": true } ], "Next": "Both" } ],
            "Default": "Broken" },
          "Work": { "Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:1:function:w", "Next": "Done",
            "Retry": [ { "ErrorEquals": ["States.Timeout"], "MaxAttempts": 2 } ],
            "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Broken" } ] },
          "Both": { "Type": "Parallel", "Next": "Done", "Branches": [
              { "StartAt": "Left", "States": { "Left": { "Type": "Pass", "End": true } } },
              { "StartAt": "Right", "States": { "Right": { "Type": "Wait", "Seconds": 1, "End": true } } } ] },
          "Done": { "Type": "Succeed" },
          "Broken": { "Type": "Fail", "Error": "E" } } }
        """;

    /// <summary>Every state of a definition, its Parallel branches' included, from its JSON: (name, state).</summary>
    public static IEnumerable<(string Name, JsonObject State)> StatesOf(JsonNode machine) =>
        machine["States"]!.AsObject().SelectMany(s => (IEnumerable<(string, JsonObject)>)
            [(s.Key, s.Value!.AsObject()), .. (s.Value!["Branches"]?.AsArray() ?? []).SelectMany(b => StatesOf(b!))]);

    /// <summary>Every transition of a definition, its branches' included, counted from its JSON (not through the engine's reader): (from, to, kind).</summary>
    public static List<(string From, string To, string Kind)> Transitions(string json)
    {
        var transitions = new List<(string, string, string)>();
        foreach (var (name, state) in StatesOf(JsonNode.Parse(json)!))
        {
            if ((string?)state["Next"] is { } next)
            {
                transitions.Add((name, next, "Next"));
            }

            foreach (var rule in state["Choices"]?.AsArray() ?? [])
            {
                transitions.Add((name, (string)rule!["Next"]!, "Choice"));
            }

            if ((string?)state["Default"] is { } fallback)
            {
                transitions.Add((name, fallback, "Default"));
            }

            foreach (var catcher in state["Catch"]?.AsArray() ?? [])
            {
                transitions.Add((name, (string)catcher!["Next"]!, "Catch"));
            }

            foreach (var branch in state["Branches"]?.AsArray() ?? [])
            {
                transitions.Add((name, (string)branch!["StartAt"]!, "Branch"));
            }
        }

        return transitions;
    }
}
