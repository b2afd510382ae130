package cyborg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import cyborg.nn.AvgPool2d;
import cyborg.nn.BatchNorm2d;
import cyborg.nn.Conv2d;
import cyborg.nn.Init;
import cyborg.nn.Layer;
import cyborg.nn.MaxPool2d;

import java.util.Random;

/**
 * The modules of torchvision's Inception-v3 ({@code BasicConv2d}, {@code InceptionA} to
 * {@code InceptionE}), with its branch names and, in each block's output, its branch order.
 */
final class InceptionBlocks {
    /** torchvision's truncated normal: std 0.1, absolute bounds +-2 ({@code trunc_normal_(a=-2, b=2)}). */
    static final Init WEIGHT_INIT = Init.truncatedNormal(0.1, -2, 2);
    /** torchvision's BasicConv2d uses eps 0.001 (the TensorFlow value its weights came with). */
    private static final float BN_EPS = 1e-3f;
    /** 3x3 average pooling, stride 1, pad 1, padded zeros counted (F.avg_pool2d's default). */
    private static final AvgPool2d BRANCH_AVG = new AvgPool2d(3, 1, 1);
    /** 3x3 max pooling, stride 2, no padding (the grid reductions Mixed_6a and Mixed_7a). */
    private static final MaxPool2d REDUCE_MAX = new MaxPool2d(3, 2, 0);

    private InceptionBlocks() {}

    private static NDArray cat(NDArray... parts) {
        return NDArrays.concat(new NDList(parts), 1);
    }

    /** Convolution without bias, batch norm (eps 0.001), ReLU; named {@code conv}, {@code bn}. */
    static final class BasicConv2d extends Layer {
        private final Conv2d conv;
        private final BatchNorm2d bn;

        BasicConv2d(NDManager m, Random rng, int in, int out, int kh, int kw, int stride, int ph, int pw) {
            conv = child("conv", Conv2d.builder(m, rng, in, out, kh, kw)
                    .stride(stride).padding(ph, pw).init(WEIGHT_INIT).build());
            bn = child("bn", new BatchNorm2d(m, rng, out, BN_EPS));
        }

        BasicConv2d(NDManager m, Random rng, int in, int out, int k, int stride, int pad) {
            this(m, rng, in, out, k, k, stride, pad, pad);
        }

        @Override
        public NDArray forward(NDArray x) {
            return bn.forward(conv.forward(x)).getNDArrayInternal().relu();
        }
    }

    /** Base of the Mixed blocks: registers branch convolutions under torchvision's names. */
    private abstract static class Mixed extends Layer {
        final NDManager m;
        final Random rng;

        Mixed(NDManager m, Random rng) {
            this.m = m;
            this.rng = rng;
        }

        final BasicConv2d conv(String name, int in, int out, int k, int stride, int pad) {
            return child(name, new BasicConv2d(m, rng, in, out, k, stride, pad));
        }

        /** A factorised kh x kw convolution, padded to keep the size. */
        final BasicConv2d conv(String name, int in, int out, int kh, int kw) {
            return child(name, new BasicConv2d(m, rng, in, out, kh, kw, 1, kh / 2, kw / 2));
        }
    }

    /** 35x35 block (Mixed_5b-d): 1x1, 5x5, double 3x3, pool branches; 224 + pool_features out. */
    static final class InceptionA extends Mixed {
        private final BasicConv2d b1;
        private final BasicConv2d b5a;
        private final BasicConv2d b5b;
        private final BasicConv2d d1;
        private final BasicConv2d d2;
        private final BasicConv2d d3;
        private final BasicConv2d pool;

        InceptionA(NDManager m, Random rng, int in, int poolFeatures) {
            super(m, rng);
            b1 = conv("branch1x1", in, 64, 1, 1, 0);
            b5a = conv("branch5x5_1", in, 48, 1, 1, 0);
            b5b = conv("branch5x5_2", 48, 64, 5, 1, 2);
            d1 = conv("branch3x3dbl_1", in, 64, 1, 1, 0);
            d2 = conv("branch3x3dbl_2", 64, 96, 3, 1, 1);
            d3 = conv("branch3x3dbl_3", 96, 96, 3, 1, 1);
            pool = conv("branch_pool", in, poolFeatures, 1, 1, 0);
        }

        @Override
        public NDArray forward(NDArray x) {
            return cat(b1.forward(x), b5b.forward(b5a.forward(x)),
                    d3.forward(d2.forward(d1.forward(x))), pool.forward(BRANCH_AVG.forward(x)));
        }
    }

    /** Grid reduction 35 -> 17 (Mixed_6a): strided 3x3, strided double 3x3, max pool. */
    static final class InceptionB extends Mixed {
        private final BasicConv2d b3;
        private final BasicConv2d d1;
        private final BasicConv2d d2;
        private final BasicConv2d d3;

        InceptionB(NDManager m, Random rng, int in) {
            super(m, rng);
            b3 = conv("branch3x3", in, 384, 3, 2, 0);
            d1 = conv("branch3x3dbl_1", in, 64, 1, 1, 0);
            d2 = conv("branch3x3dbl_2", 64, 96, 3, 1, 1);
            d3 = conv("branch3x3dbl_3", 96, 96, 3, 2, 0);
        }

        @Override
        public NDArray forward(NDArray x) {
            return cat(b3.forward(x), d3.forward(d2.forward(d1.forward(x))), REDUCE_MAX.forward(x));
        }
    }

    /** 17x17 block (Mixed_6b-e) with factorised 7x7 convolutions of {@code c7} channels; 768 out. */
    static final class InceptionC extends Mixed {
        private final BasicConv2d b1;
        private final BasicConv2d[] b7 = new BasicConv2d[3];
        private final BasicConv2d[] d7 = new BasicConv2d[5];
        private final BasicConv2d pool;

        InceptionC(NDManager m, Random rng, int in, int c7) {
            super(m, rng);
            b1 = conv("branch1x1", in, 192, 1, 1, 0);
            b7[0] = conv("branch7x7_1", in, c7, 1, 1, 0);
            b7[1] = conv("branch7x7_2", c7, c7, 1, 7);
            b7[2] = conv("branch7x7_3", c7, 192, 7, 1);
            d7[0] = conv("branch7x7dbl_1", in, c7, 1, 1, 0);
            d7[1] = conv("branch7x7dbl_2", c7, c7, 7, 1);
            d7[2] = conv("branch7x7dbl_3", c7, c7, 1, 7);
            d7[3] = conv("branch7x7dbl_4", c7, c7, 7, 1);
            d7[4] = conv("branch7x7dbl_5", c7, 192, 1, 7);
            pool = conv("branch_pool", in, 192, 1, 1, 0);
        }

        @Override
        public NDArray forward(NDArray x) {
            return cat(b1.forward(x), chain(b7, x), chain(d7, x), pool.forward(BRANCH_AVG.forward(x)));
        }
    }

    /** Grid reduction 17 -> 8 (Mixed_7a): 1x1 then strided 3x3, 1x7-7x1 then strided 3x3, max pool. */
    static final class InceptionD extends Mixed {
        private final BasicConv2d[] b3 = new BasicConv2d[2];
        private final BasicConv2d[] b7 = new BasicConv2d[4];

        InceptionD(NDManager m, Random rng, int in) {
            super(m, rng);
            b3[0] = conv("branch3x3_1", in, 192, 1, 1, 0);
            b3[1] = conv("branch3x3_2", 192, 320, 3, 2, 0);
            b7[0] = conv("branch7x7x3_1", in, 192, 1, 1, 0);
            b7[1] = conv("branch7x7x3_2", 192, 192, 1, 7);
            b7[2] = conv("branch7x7x3_3", 192, 192, 7, 1);
            b7[3] = conv("branch7x7x3_4", 192, 192, 3, 2, 0);
        }

        @Override
        public NDArray forward(NDArray x) {
            return cat(chain(b3, x), chain(b7, x), REDUCE_MAX.forward(x));
        }
    }

    /** 8x8 block (Mixed_7b-c) with split 1x3/3x1 outputs; 2048 out. */
    static final class InceptionE extends Mixed {
        private final BasicConv2d b1;
        private final BasicConv2d b3;
        private final BasicConv2d b3a;
        private final BasicConv2d b3b;
        private final BasicConv2d d1;
        private final BasicConv2d d2;
        private final BasicConv2d d3a;
        private final BasicConv2d d3b;
        private final BasicConv2d pool;

        InceptionE(NDManager m, Random rng, int in) {
            super(m, rng);
            b1 = conv("branch1x1", in, 320, 1, 1, 0);
            b3 = conv("branch3x3_1", in, 384, 1, 1, 0);
            b3a = conv("branch3x3_2a", 384, 384, 1, 3);
            b3b = conv("branch3x3_2b", 384, 384, 3, 1);
            d1 = conv("branch3x3dbl_1", in, 448, 1, 1, 0);
            d2 = conv("branch3x3dbl_2", 448, 384, 3, 1, 1);
            d3a = conv("branch3x3dbl_3a", 384, 384, 1, 3);
            d3b = conv("branch3x3dbl_3b", 384, 384, 3, 1);
            pool = conv("branch_pool", in, 192, 1, 1, 0);
        }

        @Override
        public NDArray forward(NDArray x) {
            NDArray s = b3.forward(x);
            NDArray d = d2.forward(d1.forward(x));
            return cat(b1.forward(x), b3a.forward(s), b3b.forward(s), d3a.forward(d), d3b.forward(d),
                    pool.forward(BRANCH_AVG.forward(x)));
        }
    }

    private static NDArray chain(BasicConv2d[] convs, NDArray x) {
        NDArray y = x;
        for (BasicConv2d c : convs) {
            y = c.forward(y);
        }
        return y;
    }
}
