import onnxProto from 'onnx-proto';
import type { GbdtModel } from './gbdt.types.js';

const { onnx } = onnxProto;
const A = onnx.AttributeProto.AttributeType;
const text = new TextEncoder();

/** Input and output names of every exported model. */
export const ONNX_INPUT = 'features';
export const ONNX_OUTPUT = 'probability';
export const ONNX_LOGIT = 'logit';

const ints = (name: string, v: number[]): onnxProto.onnx.IAttributeProto => ({ name, type: A.INTS, ints: v });
const floats = (name: string, v: number[]): onnxProto.onnx.IAttributeProto => ({ name, type: A.FLOATS, floats: v });
const strings = (name: string, v: string[]): onnxProto.onnx.IAttributeProto => ({ name, type: A.STRINGS, strings: v.map((s) => text.encode(s)) });
const str = (name: string, v: string): onnxProto.onnx.IAttributeProto => ({ name, type: A.STRING, s: text.encode(v) });
const int = (name: string, v: number): onnxProto.onnx.IAttributeProto => ({ name, type: A.INT, i: v });

const tensor = (name: string, dims: (number | string)[]): onnxProto.onnx.IValueInfoProto => ({
  name,
  type: {
    tensorType: {
      elemType: onnx.TensorProto.DataType.FLOAT,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
    },
  },
});

/**
 * Writes the ensemble as ONNX: `ai.onnx.ml` TreeEnsembleRegressor (ml opset 3, log-odds) followed by
 * Sigmoid; IR version 8, which onnxruntime-node 1.30 loads. Input `features` [N, F] float32.
 */
export function exportOnnx(model: GbdtModel, version = 'gbdt'): Uint8Array {
  const n = { tree: [] as number[], node: [] as number[], feat: [] as number[], thr: [] as number[], mode: [] as string[], t: [] as number[], f: [] as number[] };
  const target = { tree: [] as number[], node: [] as number[], weight: [] as number[] };
  model.trees.forEach((tree, ti) => {
    tree.forEach((node, ni) => {
      n.tree.push(ti);
      n.node.push(ni);
      const leaf = node.feature < 0;
      n.feat.push(leaf ? 0 : node.feature);
      n.thr.push(leaf ? 0 : node.threshold);
      n.mode.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
      n.t.push(leaf ? 0 : node.left);
      n.f.push(leaf ? 0 : node.right);
      if (leaf) {
        target.tree.push(ti);
        target.node.push(ni);
        target.weight.push(node.value);
      }
    });
  });
  const F = model.featureNames.length;
  const graph: onnxProto.onnx.IGraphProto = {
    name: 'tareks_risk',
    input: [tensor(ONNX_INPUT, ['N', F])],
    output: [tensor(ONNX_OUTPUT, ['N', 1])],
    node: [
      {
        opType: 'TreeEnsembleRegressor',
        domain: 'ai.onnx.ml',
        name: 'trees',
        input: [ONNX_INPUT],
        output: [ONNX_LOGIT],
        attribute: [
          int('n_targets', 1),
          str('aggregate_function', 'SUM'),
          str('post_transform', 'NONE'),
          floats('base_values', [model.baseScore]),
          ints('nodes_treeids', n.tree),
          ints('nodes_nodeids', n.node),
          ints('nodes_featureids', n.feat),
          floats('nodes_values', n.thr),
          strings('nodes_modes', n.mode),
          ints('nodes_truenodeids', n.t),
          ints('nodes_falsenodeids', n.f),
          ints('target_treeids', target.tree),
          ints('target_nodeids', target.node),
          ints('target_ids', target.tree.map(() => 0)),
          floats('target_weights', target.weight),
        ],
      },
      { opType: 'Sigmoid', name: 'to_probability', input: [ONNX_LOGIT], output: [ONNX_OUTPUT] },
    ],
  };
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'tareks-hub',
    modelVersion: 1,
    docString: `TAREKS risk model ${version}; features: ${model.featureNames.join(',')}`,
    opsetImport: [{ domain: '', version: 17 }, { domain: 'ai.onnx.ml', version: 3 }],
    graph,
    metadataProps: [
      { key: 'version', value: version },
      { key: 'feature_names', value: JSON.stringify(model.featureNames) },
    ],
  });
  return onnx.ModelProto.encode(proto).finish();
}
