#!/usr/bin/env node
// N sequential Id2MetaPeriodVerifyIntl calls through the provider's official Node SDK (@alicloud/openapi-client) in
// one process, with one client whose connection is kept alive between calls. Used by tests/bench/bench_sdk.cpp.
//
//   node bench-sequential.js --endpoint 127.0.0.1:PORT --ca CA.pem --in CASES.csv --n N
//                            [--access-key-id ID] [--secret SECRET]
//
// CASES.csv is the batch input (header name,id_number,start,end; end may be 长期); its rows are sent in order, again
// from the top when N is larger. Each call gets a fresh MerchantBizId. Prints one JSON line and exits 0 when every
// call returned an answer:
//   {"calls":200,"passed":200,"notPassed":0,"errors":0,"connections":1,"ms":812.4}
// "connections" counts the TLS connections the SDK opened (1 when keep-alive works).
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const https = require('https');
const { parseArgs } = require('util');
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');
const { makeClient, verifyParams } = require('./sandbox-client');

const started = process.hrtime.bigint();

const { values: args } = parseArgs({
    options: {
        endpoint: { type: 'string' },
        ca: { type: 'string' },
        in: { type: 'string' },
        n: { type: 'string', default: '200' },
        'access-key-id': { type: 'string', default: 'TRAINING-KEY-ID' },
        secret: { type: 'string', default: 'training-secret-public-not-a-real-key' },
    },
});

function readCases(path) {
    const lines = fs.readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
    const header = lines.shift().split(',').map((h) => h.trim().toLowerCase());
    const column = (name) => header.indexOf(name);
    return lines.map((line) => {
        const cells = line.split(',');
        return {
            name: cells[column('name')],
            docNo: cells[column('id_number')],
            start: cells[column('start')],
            end: cells[column('end')],
        };
    });
}

// Counts the TLS connections the SDK opens. Its HTTP layer (httpx) keeps one keep-alive https.Agent of its own; it
// makes a new agent, and so a new connection, for every call only when runtime.keepAlive is set, as it is not here.
let connections = 0;
const createConnection = https.Agent.prototype.createConnection;
https.Agent.prototype.createConnection = function (...rest) {
    ++connections;
    return createConnection.apply(this, rest);
};

async function main() {
    const cases = readCases(args.in);
    const n = Number(args.n);
    const client = makeClient({
        endpoint: args.endpoint,
        ca: args.ca,
        accessKeyId: args['access-key-id'],
        secret: args.secret,
    });
    const params = verifyParams();
    const runtime = new Util.RuntimeOptions({ autoretry: false, readTimeout: 20000, connectTimeout: 10000 });
    const counts = { calls: 0, passed: 0, notPassed: 0, errors: 0 };
    for (let i = 0; i < n; ++i) {
        const c = cases[i % cases.length];
        const request = new OpenApi.OpenApiRequest({
            body: {
                ProductCode: 'eKYC_Date_MIN',
                MerchantBizId: crypto.randomBytes(16).toString('hex'),
                DocType: '00000001',
                DocName: c.name,
                DocNo: c.docNo,
                ValidityStartDate: c.start,
                ValidityEndDate: c.end,
            },
        });
        ++counts.calls;
        try {
            const response = await client.callApi(params, request, runtime);
            const passed = response.body && response.body.Result && response.body.Result.Passed === 'Y';
            ++counts[passed ? 'passed' : 'notPassed'];
        } catch (error) {
            ++counts.errors;
            if (counts.errors === 1)
                process.stderr.write(String(error.message) + '\n');
        }
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(JSON.stringify({ ...counts, connections, ms }) + '\n');
    return counts.errors === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
