using PurchasePipeline.Local.Etl;

namespace PurchasePipeline.Local.Sql;

/// <summary>
/// The order the local job binds the transform's views in: glue/sql/README.md, "Binding order", which the Glue job
/// follows too (its binding_order; PurchasePipeline.Glue.Tests compares both with the README's table).
/// </summary>
internal static class TransformBinding
{
    /// <summary>The views the runner binds before any SQL file, in order (LocalEtlJob.DefineInputs).</summary>
    public static IReadOnlyList<string> Inputs { get; } = ["raw_purchases", "users", "existing_rejected"];

    /// <summary>The view the runner binds from the lake once <see cref="ExistingPurchases.DatesFrom"/> exists.</summary>
    public const string ExistingPurchases = "existing_purchases";

    /// <summary>Every view in binding order: the inputs, then each file, with existing_purchases right after the dates' view.</summary>
    /// <returns>Each view with its SQL file, or null for a view the runner binds.</returns>
    public static IReadOnlyList<(string View, SqlScript? Script)> Order(IReadOnlyList<SqlScript> transform)
    {
        var order = Inputs.Select(view => (view, (SqlScript?)null)).ToList();
        foreach (var script in transform)
        {
            order.Add((script.Name, script));
            if (script.Name == Etl.ExistingPurchases.DatesFrom)
            {
                order.Add((ExistingPurchases, null));
            }
        }

        return order;
    }
}
