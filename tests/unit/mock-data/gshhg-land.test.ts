import { describe, expect, it } from 'vitest';
import { closeAlongEdge } from '../../../mock-data/city-pack-builder/gshhg-land.js';

const BOX: [number, number, number, number] = [0, 0, 10, 10];

describe('closing shorelines into land along the box edge', () => {
  it('closes a shore crossing the box into the land on its left, corners included', () => {
    expect(
      closeAlongEdge(
        [
          [
            [0, 5],
            [4, 6],
            [10, 5],
          ],
        ],
        BOX,
      ),
    ).toEqual([
      [
        [0, 5],
        [4, 6],
        [10, 5],
        [10, 10],
        [0, 10],
        [0, 5],
      ],
    ]);
    expect(
      closeAlongEdge(
        [
          [
            [10, 3],
            [0, 3],
          ],
        ],
        BOX,
      ),
    ).toEqual([
      [
        [10, 3],
        [0, 3],
        [0, 0],
        [10, 0],
        [10, 3],
      ],
    ]);
  });

  it('keeps two headlands apart, and joins the land around two bays into one', () => {
    const headlands = [
      [
        [4, 0],
        [3, 4],
        [2, 0],
      ],
      [
        [8, 0],
        [7, 4],
        [6, 0],
      ],
    ];
    expect(closeAlongEdge(headlands, BOX)).toEqual([
      [
        [4, 0],
        [3, 4],
        [2, 0],
        [4, 0],
      ],
      [
        [8, 0],
        [7, 4],
        [6, 0],
        [8, 0],
      ],
    ]);
    const bays = headlands.map((c) => [...c].reverse());
    expect(closeAlongEdge(bays, BOX)).toEqual([
      [
        [2, 0],
        [3, 4],
        [4, 0],
        [6, 0],
        [7, 4],
        [8, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
        [2, 0],
      ],
    ]);
  });
});
