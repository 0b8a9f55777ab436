import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CategoryEntity } from '@shanhai/persistence';
import { AppError, notFound } from '../common/app-error';
import { CategoryDto, UpdateCategoryDto } from './catalog.dto';

/** Product categories, edited by the operator; a handful of rows, cached in memory. */
@Injectable()
export class CategoryService {
  private cache: CategoryEntity[] | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<CategoryEntity[]> {
    if (!this.cache) this.cache = await this.db.getRepository(CategoryEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    return this.cache;
  }

  async byId(id: number): Promise<CategoryEntity | undefined> {
    const found = (await this.list()).find((c) => c.id === id);
    if (found) return found;
    this.cache = null;
    return (await this.list()).find((c) => c.id === id);
  }

  async byCode(code: string): Promise<CategoryEntity | undefined> {
    const found = (await this.list()).find((c) => c.code === code);
    if (found) return found;
    this.cache = null;
    return (await this.list()).find((c) => c.code === code);
  }

  async create(dto: CategoryDto): Promise<CategoryEntity> {
    if (await this.byCode(dto.code)) throw new AppError(409, 'CATEGORY_EXISTS', `code: category ${dto.code} already exists`, [{ field: 'code', reason: 'already exists' }]);
    const repo = this.db.getRepository(CategoryEntity);
    const saved = await repo.save(repo.create({ ...dto, sortOrder: dto.sortOrder ?? 0 }));
    this.cache = null;
    return saved;
  }

  async update(id: number, dto: UpdateCategoryDto): Promise<CategoryEntity> {
    const repo = this.db.getRepository(CategoryEntity);
    const category = await repo.findOne({ where: { id } });
    if (!category) throw notFound('category', String(id));
    const saved = await repo.save(Object.assign(category, dto));
    this.cache = null;
    return saved;
  }
}
