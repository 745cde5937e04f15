using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// ONNX's <c>LSTM</c> / <c>GRU</c> / <c>RNN</c>, one node per layer (both directions in one), fed the PyTorch weights
/// (<c>weight_ih_l0</c>, <c>weight_hh_l0_reverse</c>, ...) with the gates reordered in the graph: PyTorch stacks an
/// LSTM's gates i, f, g, o and ONNX i, o, f, c; a GRU's r, z, n and ONNX z, r, h (PyTorch's GRU applies the reset gate
/// after the hidden projection: linear_before_reset = 1; a relu RNN names Relu for each direction). The batch-first sequence is transposed to ONNX's [T, B, F]
/// and back; between layers the directions' outputs are concatenated per step, as PyTorch feeds the next layer.
/// Dropout between layers is off at inference. An initial state (batch first in the DSL) is transposed to
/// [layers x directions, B, H] and each layer reads its rows as initial_h (initial_c); where FinalState() /
/// FinalCell() read the layer, each layer's Y_h (Y_c) is kept, concatenated and moved batch first: the node's second
/// (third) value.
/// </summary>
internal sealed class RecurrentOnnx : OnnxEmitter<RecurrentOp>
{
    protected override string Emit(RecurrentOp op, NodeSpec node, OnnxScope scope) => EmitValues(op, node, scope)[0];

    protected override System.Collections.Generic.IReadOnlyList<string> EmitValues(RecurrentOp op, NodeSpec node, OnnxScope scope)
    {
        var input = scope.InputType(0);
        var features = input.Dims[1];
        if (!features.IsKnown)
        {
            throw new OnnxUnsupportedException($"{op.Kind} '{node.Name}' on {input.ShapeText}: the ONNX export needs the feature size.");
        }

        long h = op.HiddenSize;
        int directions = op.Directions;
        string opType = op.Cell switch
        {
            RecurrentKind.Lstm => "LSTM",
            RecurrentKind.Gru => "GRU",
            _ => "RNN",
        };

        bool lstm = op.Cell == RecurrentKind.Lstm;
        bool statesRead = RecurrentStates.AreRead(scope.Model.Spec, node.Id);
        string? h0 = op.InitialState ? TimeMajorState(scope, 1, "h0") : null;
        string? c0 = op.InitialState && lstm ? TimeMajorState(scope, 2, "c0") : null;
        var finalStates = new System.Collections.Generic.List<string>();
        var finalCells = new System.Collections.Generic.List<string>();

        string sequence = scope.Temp("time_major");
        scope.Add("Transpose", sequence, scope.Input(0)).Ints("perm", 1, 0, 2);
        long inputSize = features.Value;
        for (int layer = 0; layer < op.NumLayers; layer++)
        {
            string w = PerDirection(scope, op, layer, directions, d => Gates(scope, op, "weight_ih_l" + layer + d, inputSize));
            string r = PerDirection(scope, op, layer, directions, d => Gates(scope, op, "weight_hh_l" + layer + d, h));
            string b = PerDirection(scope, op, layer, directions, d =>
            {
                string both = scope.Temp("bias_l" + layer);
                scope.Add("Concat", both, Gates(scope, op, "bias_ih_l" + layer + d), Gates(scope, op, "bias_hh_l" + layer + d)).Int("axis", 0);
                return both;
            });

            // Y: [T, D, B, H] -> [T, B, D, H] -> [T, B, D H].
            string y = scope.Temp("y_l" + layer);
            var inputs = new System.Collections.Generic.List<string> { sequence, w, r, b };
            if (h0 is not null)
            {
                // sequence_lens left out: every sequence runs its full length.
                inputs.Add("");
                inputs.Add(scope.Slice(scope.Temp("h0_l" + layer), h0, 0, layer * directions, (layer + 1) * directions));
                if (c0 is not null)
                {
                    inputs.Add(scope.Slice(scope.Temp("c0_l" + layer), c0, 0, layer * directions, (layer + 1) * directions));
                }
            }

            var cell = scope.Add(opType, y, inputs.ToArray()).Int("hidden_size", h).String("direction", directions == 2 ? "bidirectional" : "forward");
            if (op.Cell == RecurrentKind.Gru)
            {
                cell.Int("linear_before_reset", 1);
            }
            else if (op.Relu)
            {
                cell.Strings("activations", Enumerable.Repeat("Relu", directions).ToArray());
            }

            if (statesRead)
            {
                finalStates.Add(scope.Temp("h_n_l" + layer));
                if (lstm)
                {
                    finalCells.Add(scope.Temp("c_n_l" + layer));
                    cell.AlsoOutputs(finalStates[layer], finalCells[layer]);
                }
                else
                {
                    cell.AlsoOutputs(finalStates[layer]);
                }
            }

            string steps = scope.Temp("steps_l" + layer);
            scope.Add("Transpose", steps, y).Ints("perm", 0, 2, 1, 3);
            sequence = scope.Temp("out_l" + layer);
            scope.Add("Reshape", sequence, steps, scope.Ints("shape_l" + layer, 0, 0, directions * h));
            inputSize = directions * h;
        }

        string output = scope.Output;
        scope.Add("Transpose", output, sequence).Ints("perm", 1, 0, 2);
        if (!statesRead)
        {
            return new[] { output };
        }

        var values = new System.Collections.Generic.List<string> { output, BatchFirst(scope, finalStates, "final_state") };
        if (lstm)
        {
            values.Add(BatchFirst(scope, finalCells, "final_cell"));
        }

        return values;
    }

    /// <summary>Input <paramref name="index"/> (h0 or c0, [B, layers x directions, H]) as ONNX reads states: [layers x directions, B, H].</summary>
    private static string TimeMajorState(OnnxScope scope, int index, string name)
    {
        string state = scope.Temp(name);
        scope.Add("Transpose", state, scope.Input(index)).Ints("perm", 1, 0, 2);
        return state;
    }

    /// <summary>The layers' Y_h (or Y_c), each [directions, B, H], concatenated in layer order and moved batch first.</summary>
    private static string BatchFirst(OnnxScope scope, System.Collections.Generic.List<string> perLayer, string name)
    {
        string all = perLayer[0];
        if (perLayer.Count > 1)
        {
            all = scope.Temp(name + "_layers");
            scope.Add("Concat", all, perLayer.ToArray()).Int("axis", 0);
        }

        string result = scope.Temp(name);
        scope.Add("Transpose", result, all).Ints("perm", 1, 0, 2);
        return result;
    }

    /// <summary>One direction's tensor per direction (forward, then <c>_reverse</c>), each given a leading axis and concatenated: [D, ...].</summary>
    private static string PerDirection(OnnxScope scope, RecurrentOp op, int layer, int directions, System.Func<string, string> part)
    {
        var parts = Enumerable.Range(0, directions).Select(d =>
        {
            string unsqueezed = scope.Temp("direction");
            scope.Add("Unsqueeze", unsqueezed, part(d == 0 ? "" : "_reverse"), scope.Ints("axis0", 0));
            return unsqueezed;
        }).ToArray();
        if (parts.Length == 1)
        {
            return parts[0];
        }

        string stacked = scope.Temp("directions_l" + layer);
        scope.Add("Concat", stacked, parts).Int("axis", 0);
        return stacked;
    }

    /// <summary>The parameter <paramref name="name"/> ([G H, columns], or [G H] for a bias) with its gate blocks in ONNX's order.</summary>
    private static string Gates(OnnxScope scope, RecurrentOp op, string name, long columns = 0)
    {
        long h = op.HiddenSize;
        string parameter = columns > 0 ? scope.Weight(name, op.Gates * h, columns) : scope.Weight(name, op.Gates * h);
        int[] order = op.Cell switch
        {
            RecurrentKind.Lstm => new[] { 0, 3, 1, 2 },
            RecurrentKind.Gru => new[] { 1, 0, 2 },
            _ => new[] { 0 },
        };
        if (order.Length == 1)
        {
            return parameter;
        }

        var blocks = order.Select(g => scope.Slice(scope.Temp(name + "_gate" + g), parameter, 0, g * h, (g + 1) * h)).ToArray();
        string reordered = scope.Temp(name + "_onnx");
        scope.Add("Concat", reordered, blocks).Int("axis", 0);
        return reordered;
    }
}
