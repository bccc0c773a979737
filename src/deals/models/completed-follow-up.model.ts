import { Field, ObjectType } from '@nestjs/graphql';
import { FollowUpModel } from './follow-up.model';

@ObjectType('CompletedFollowUp')
export class CompletedFollowUpModel {
  @Field(() => FollowUpModel)
  completed: FollowUpModel;

  @Field(() => FollowUpModel, { nullable: true, description: 'nextDueOn を指定したときの次回' })
  next: FollowUpModel | null;
}
