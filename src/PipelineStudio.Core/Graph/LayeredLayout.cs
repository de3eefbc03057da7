namespace PipelineStudio.Core.Graph;

/// <summary>Where a node's top-left corner goes, in diagram units.</summary>
public readonly record struct NodePosition(double X, double Y);

/// <summary>Node size and spacing for <see cref="LayeredLayout"/>.</summary>
public sealed record LayoutOptions(double NodeWidth = 220, double NodeHeight = 72, double LayerGap = 100, double NodeGap = 36);

/// <summary>
/// Left-to-right layered layout: a step's column is its layer in <see cref="PipelineGraph.Layers"/>,
/// its row its place in that layer after a few barycentric sweeps (each node moves towards the mean
/// row of its neighbours), which removes most edge crossings at O(sweeps × (V + E + V log V)).
/// Layers are centred vertically on the tallest one.
/// </summary>
public static class LayeredLayout
{
    private const int Sweeps = 4;

    public static IReadOnlyDictionary<string, NodePosition> Compute(PipelineGraph graph, LayoutOptions? options = null)
    {
        options ??= new LayoutOptions();
        var layers = graph.Layers()
            .Select(layer => layer.Select(graph.IndexOf).ToList())
            .ToList();

        // A node's row measured from the centre of its layer, which is where the final layout puts it.
        var row = new double[graph.Nodes.Count];
        foreach (var layer in layers)
        {
            AssignRows(layer, row);
        }

        var barycentre = new double[graph.Nodes.Count];
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var downwards = sweep % 2 == 0;
            for (var step = 1; step < layers.Count; step++)
            {
                var layer = layers[downwards ? step : layers.Count - 1 - step];
                foreach (var node in layer)
                {
                    barycentre[node] = MeanRow(downwards ? graph.PredecessorsOf(node) : graph.SuccessorsOf(node), row, row[node]);
                }

                // Ties keep the previous order (definition order at first), so the sort is stable.
                layer.Sort((a, b) => barycentre[a] != barycentre[b] ? barycentre[a].CompareTo(barycentre[b]) : row[a].CompareTo(row[b]));
                AssignRows(layer, row);
            }
        }

        var rowPitch = options.NodeHeight + options.NodeGap;
        var columnPitch = options.NodeWidth + options.LayerGap;
        var tallest = layers.Count == 0 ? 0 : layers.Max(l => l.Count);
        var positions = new Dictionary<string, NodePosition>(graph.Nodes.Count, StringComparer.Ordinal);
        for (var column = 0; column < layers.Count; column++)
        {
            var top = (tallest - layers[column].Count) * rowPitch / 2;
            for (var i = 0; i < layers[column].Count; i++)
            {
                positions[graph.Nodes[layers[column][i]]] = new NodePosition(column * columnPitch, top + (i * rowPitch));
            }
        }

        return positions;
    }

    private static double MeanRow(IReadOnlyList<int> neighbours, double[] row, double fallback)
    {
        if (neighbours.Count == 0)
        {
            return fallback;
        }

        var sum = 0.0;
        foreach (var neighbour in neighbours)
        {
            sum += row[neighbour];
        }

        return sum / neighbours.Count;
    }

    private static void AssignRows(List<int> layer, double[] row)
    {
        var centre = (layer.Count - 1) / 2.0;
        for (var i = 0; i < layer.Count; i++)
        {
            row[layer[i]] = i - centre;
        }
    }
}
